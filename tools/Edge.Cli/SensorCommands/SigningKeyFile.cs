using Edge.Uplink.Commands.Signing;

namespace Edge.Cli.SensorCommands;

/// <summary>The incident team's Ed25519 private key (<c>edgectl keys create</c> writes one: PEM
/// <c>PRIVATE KEY</c>; base64 of the 32-byte seed also taken) and the key id the sensors trust it as.</summary>
public static class SigningKeyFile
{
    /// <summary>The signer, or null with a message for people.</summary>
    public static CommandSigner? Read(string path, string keyId, out string error)
    {
        if (!TrustedKeys.IsKeyId(keyId))
        {
            error = $"--key-id '{keyId}' must be 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'";
            return null;
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"--key {path}: {e.Message}";
            return null;
        }
        if (!Ed25519KeyText.TryParsePrivateKey(text, out var privateKey))
        {
            error = $"--key {path} is not an Ed25519 private key (PEM PRIVATE KEY as edgectl keys create or openssl genpkey -algorithm ed25519 write it)";
            return null;
        }
        error = "";
        var signer = new CommandSigner(keyId, privateKey);
        Array.Clear(privateKey);
        return signer;
    }
}
