/**
 * @name issue_digest
 * @description The keys and titles of the issues whose title contains some words, each read in full: searches, then gets every match.
 * @access read
 * @input {
 *   "type": "object",
 *   "properties": {
 *     "text": { "type": "string", "description": "Words to look for in issue titles." },
 *     "limit": { "type": "integer", "description": "At most this many issues (1-10)." }
 *   },
 *   "required": ["text"],
 *   "additionalProperties": false
 * }
 */
async ({ text, limit = 5 }) => {
  const found = await codemode.search_issues({ text, limit: Math.min(Math.max(limit, 1), 10) });
  const issues = await Promise.all(found.issues.map(issue => codemode.get_issue({ key: issue.key })));
  return { total: found.total, issues: issues.map(issue => ({ key: issue.key, title: issue.title, labels: issue.labels })) };
}
