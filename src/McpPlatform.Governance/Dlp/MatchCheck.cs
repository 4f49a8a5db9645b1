using System.Text.RegularExpressions;

namespace McpPlatform.Governance.Dlp;

/// <summary>
/// Confirms a regular expression candidate: returns how many characters from the candidate's start
/// are sensitive (the whole candidate, or a shorter prefix), or 0 when the candidate is not a match.
/// </summary>
internal delegate int MatchCheck(Match candidate);
