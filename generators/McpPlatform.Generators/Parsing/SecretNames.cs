namespace McpPlatform.Generators.Parsing
{
    /// <summary>Secret names as Azure Key Vault accepts them, so a declared name works in every store.</summary>
    internal static class SecretNames
    {
        public static bool IsValid(string name)
        {
            if (name.Length == 0 || name.Length > 127 || !char.IsLetterOrDigit(name[0]))
            {
                return false;
            }

            foreach (var c in name)
            {
                if (!(c is >= 'a' and <= 'z' || c is >= 'A' and <= 'Z' || c is >= '0' and <= '9' || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
