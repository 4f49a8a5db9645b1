/**
 * @name mark_reviewed
 * @description Reads a note and tags it "reviewed". Declared read on purpose: its inner write call is still governed.
 * @access read
 * @input { "type": "object", "properties": { "id": { "type": "string" } }, "required": ["id"], "additionalProperties": false }
 */
async ({ id }) => {
  const note = await codemode.get_note({ id });
  const tagged = await codemode.tag_note({ id: note.id, tag: "reviewed" });
  return tagged.tags;
}
