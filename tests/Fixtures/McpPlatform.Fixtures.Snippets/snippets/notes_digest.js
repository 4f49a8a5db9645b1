/**
 * @name notes_digest
 * @description The texts of the notes that carry a tag, in id order: lists them, then reads each one.
 * @access read
 * @input {
 *   "type": "object",
 *   "properties": { "tag": { "type": "string", "description": "Only notes with this tag." } },
 *   "required": ["tag"],
 *   "additionalProperties": false
 * }
 */
async ({ tag }) => {
  const { ids } = await codemode.list_notes({ tag });
  const notes = await Promise.all(ids.map(id => codemode.get_note({ id })));
  return { tag, count: notes.length, texts: notes.map(n => n.text) };
}
