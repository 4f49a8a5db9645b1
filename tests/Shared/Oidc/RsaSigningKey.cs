using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace McpPlatform.Testing;

/// <summary>An RSA-2048 key pair with a key id: the private half signs, the public half is published as a JWK.</summary>
internal sealed class RsaSigningKey : IDisposable
{
    private const int KeySizeInBits = 2048;

    private readonly RSA _rsa;

    private RsaSigningKey(RSA rsa, string keyId)
    {
        _rsa = rsa;
        KeyId = keyId;
        SecurityKey = new RsaSecurityKey(rsa) { KeyId = keyId };
    }

    /// <summary>The <c>kid</c>: the RFC 7638 thumbprint of the public key, so ids never collide across issuers.</summary>
    public string KeyId { get; }

    /// <summary>The key pair, for <see cref="SigningCredentials"/>.</summary>
    public RsaSecurityKey SecurityKey { get; }

    /// <summary>The public key as a PEM SubjectPublicKeyInfo block (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
    public string PublicKeyPem => _rsa.ExportSubjectPublicKeyInfoPem();

    /// <summary>A fresh key; <paramref name="keyIdPrefix"/> marks keys that are never published.</summary>
    public static RsaSigningKey Create(string keyIdPrefix = "")
    {
        var rsa = RSA.Create(KeySizeInBits);
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)));
        return new RsaSigningKey(rsa, keyIdPrefix + Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()));
    }

    /// <summary>The public key as a JWK member of a JWKS document (RFC 7517): no private parameters.</summary>
    public JsonObject ToPublicJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    public void Dispose() => _rsa.Dispose();
}
