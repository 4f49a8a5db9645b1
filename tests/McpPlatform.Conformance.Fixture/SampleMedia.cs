namespace McpPlatform.Conformance.Fixture;

/// <summary>The smallest valid media the content tools return, base64-encoded.</summary>
internal static class SampleMedia
{
    /// <summary>A 1x1 PNG, one red pixel.</summary>
    public const string PngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

    /// <summary>A WAV file of eight silent 16-bit mono samples at 8 kHz.</summary>
    public const string WavBase64 = "UklGRjQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YRAAAAAAAAAAAAAAAAAAAAAAAAAA";
}
