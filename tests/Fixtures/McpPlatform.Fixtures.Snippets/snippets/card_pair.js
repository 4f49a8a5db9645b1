/**
 * @name card_pair
 * @description Opens two cards on a board (each undone by delete_card in a rollback) and returns their ids.
 * @access write
 * @input { "type": "object", "properties": { "board": { "type": "string" } }, "required": ["board"], "additionalProperties": false }
 */
async ({ board }) => {
  const first = await codemode.create_card({ board, title: "first of a pair" });
  const second = await codemode.create_card({ board, title: "second of a pair" });
  return [first.id, second.id];
}
