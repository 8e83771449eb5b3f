using System.Text.RegularExpressions;

namespace Edge.Uplink.Commands.Signing;

/// <summary>The public keys whose commands the sensor obeys (the incident team's), by key id. A
/// command names its key id, so keys can be rotated: add the new one, then remove the old.</summary>
public sealed partial class TrustedKeys
{
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public int Count => _keys.Count;

    public IEnumerable<string> KeyIds => _keys.Keys;

    /// <summary>The keys of a settings map: key id → base64 of 32 bytes or PEM (checked when the settings load).</summary>
    public static TrustedKeys From(IEnumerable<KeyValuePair<string, string>> keys)
    {
        var trusted = new TrustedKeys();
        foreach (var (keyId, keyText) in keys)
            trusted.Add(keyId, keyText);
        return trusted;
    }

    /// <summary>Adds a key given as base64 of its 32 bytes or as a PEM <c>PUBLIC KEY</c>.</summary>
    public TrustedKeys Add(string keyId, string keyText)
    {
        if (!Ed25519KeyText.TryParsePublicKey(keyText, out var key))
            throw new ArgumentException($"key '{keyId}' is neither base64 of 32 bytes nor a PEM Ed25519 PUBLIC KEY", nameof(keyText));
        return Add(keyId, key);
    }

    public TrustedKeys Add(string keyId, ReadOnlySpan<byte> publicKey)
    {
        if (!IsKeyId(keyId))
            throw new ArgumentException($"key id '{keyId}' must be 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'", nameof(keyId));
        if (publicKey.Length != Ed25519Signatures.PublicKeySize)
            throw new ArgumentException($"an Ed25519 public key is 32 bytes, not {publicKey.Length}", nameof(publicKey));
        _keys[keyId] = publicKey.ToArray();
        return this;
    }

    public bool TryGet(string keyId, out ReadOnlyMemory<byte> publicKey)
    {
        var found = _keys.TryGetValue(keyId, out var key);
        publicKey = key;
        return found;
    }

    public static bool IsKeyId(string value) => KeyIdPattern().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex KeyIdPattern();
}
