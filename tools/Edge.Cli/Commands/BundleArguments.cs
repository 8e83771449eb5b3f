using System.CommandLine;
using System.CommandLine.Parsing;
using Edge.Firmware.Versions;
using Edge.Uplink.Commands.Signing;

namespace Edge.Cli.Commands;

/// <summary>Argument checks the bundle commands share; each failure is a usage error (exit 2).</summary>
internal static class BundleArguments
{
    public static void RequireVersion(Option<string> option) =>
        option.Validators.Add(r =>
        {
            var text = r.GetValueOrDefault<string>();
            if (text is not null && !SemVersion.TryParse(text, out _, out var reason))
                r.AddError($"{option.Name}: {reason}");
        });

    /// <summary>Parses <c>ID=PUBFILE</c> pairs into trusted keys; null and an error when one is bad.</summary>
    public static TrustedKeys? ReadTrust(IEnumerable<string> pairs, out string error) => ReadKeys("--trust", pairs, out error);

    /// <summary>Parses <c>ID=PUBFILE</c> pairs given with <paramref name="option"/>.</summary>
    public static TrustedKeys? ReadKeys(string option, IEnumerable<string> pairs, out string error)
    {
        var keys = new TrustedKeys();
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !TrustedKeys.IsKeyId(pair[..eq]))
            {
                error = $"{option} '{pair}' is not ID=PUBFILE with a key id of 1 to 64 of A-Z a-z 0-9 . _ -";
                return null;
            }
            var file = pair[(eq + 1)..];
            if (!File.Exists(file))
            {
                error = $"{option} {pair[..eq]}: no file '{file}'";
                return null;
            }
            if (!Ed25519KeyText.TryParsePublicKey(File.ReadAllText(file), out var publicKey))
            {
                error = $"{option} {pair[..eq]}: '{file}' is neither base64 of 32 bytes nor a PEM Ed25519 PUBLIC KEY";
                return null;
            }
            keys.Add(pair[..eq], publicKey);
        }
        error = "";
        return keys;
    }

    public static int UsageError(ParseResult parse, string message)
    {
        parse.InvocationConfiguration.Error.WriteLine($"error: {message}");
        return 2;
    }
}
