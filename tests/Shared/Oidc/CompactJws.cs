using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace McpPlatform.Testing;

/// <summary>
/// Hand-built JWS compact serialization (RFC 7515: base64url(header).base64url(payload).base64url(signature)),
/// for tokens no honest library would produce: the forgeries of negative tests.
/// </summary>
internal static class CompactJws
{
    /// <summary>A JOSE header; <paramref name="keyId"/> null leaves <c>kid</c> out.</summary>
    public static string Header(string algorithm, string? keyId, string tokenType)
    {
        var header = new JsonObject { ["alg"] = algorithm };
        if (keyId is not null)
        {
            header["kid"] = keyId;
        }

        header["typ"] = tokenType;
        return header.ToJsonString();
    }

    /// <summary><c>alg: none</c> (RFC 7519 section 6): header and payload, empty signature.</summary>
    public static string Unsigned(string payloadJson, string tokenType) =>
        SigningInput(Header("none", keyId: null, tokenType), payloadJson) + ".";

    /// <summary>HS256 over the signing input, keyed with <paramref name="secret"/>.</summary>
    public static string Hs256(string headerJson, string payloadJson, byte[] secret)
    {
        var signingInput = SigningInput(headerJson, payloadJson);
        var signature = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>
    /// The same token with one bit of its signature flipped. The decoded signature is changed, not
    /// its text: flipping the last base64url character may only touch padding bits.
    /// </summary>
    public static string TamperSignature(string token)
    {
        var lastDot = token.LastIndexOf('.');
        if (lastDot < 0 || lastDot == token.Length - 1)
        {
            throw new ArgumentException("The token has no signature to tamper with.", nameof(token));
        }

        var signature = Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1));
        signature[signature.Length / 2] ^= 0x01;
        return token[..(lastDot + 1)] + Base64Url.EncodeToString(signature);
    }

    private static string SigningInput(string headerJson, string payloadJson) =>
        Segment(headerJson) + "." + Segment(payloadJson);

    private static string Segment(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
