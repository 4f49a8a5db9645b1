/**
 * @name replace_card
 * @description Opens a new card on a board, then deletes the old one (a Destructive call: by default it asks for approval).
 * @access write
 * @input {
 *   "type": "object",
 *   "properties": { "board": { "type": "string" }, "id": { "type": "string" }, "title": { "type": "string", "minLength": 1 } },
 *   "required": ["board", "id", "title"],
 *   "additionalProperties": false
 * }
 */
async ({ board, id, title }) => {
  const created = await codemode.create_card({ board, title });
  try { return [created.id, await codemode.delete_card({ board, id })]; }
  catch (e) { return [created.id, "caught: " + e.message]; }
}
