using System.CommandLine;
using Edge.Uplink.Commands.Signing;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl keys create</c>: a new Ed25519 key pair for signing bundles (and commands),
/// in the one key text format the sensor reads (PEM, RFC 8410).</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "folder to write ID.key and ID.pub into", Required = true };
        var id = new Option<string>("--id") { Description = "key id (1 to 64 of A-Z a-z 0-9 . _ -)", DefaultValueFactory = _ => "edge-release" };
        id.Validators.Add(r =>
        {
            if (!TrustedKeys.IsKeyId(r.GetValueOrDefault<string>() ?? ""))
                r.AddError("--id must be 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'");
        });
        var create = new Command("create", "Create a key pair: ID.key (private, PEM, mode 0600) and ID.pub (public, PEM)") { output, id };
        create.SetAction(parse =>
        {
            var folder = parse.GetRequiredValue(output).FullName;
            var keyId = parse.GetRequiredValue(id);
            var privatePath = Path.Combine(folder, keyId + ".key");
            var publicPath = Path.Combine(folder, keyId + ".pub");
            if (File.Exists(privatePath) || File.Exists(publicPath))
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {privatePath} or {publicPath} already exists; refusing to overwrite a key");
                return 1;
            }
            Directory.CreateDirectory(folder);
            var privateKey = Ed25519Signatures.NewPrivateKey();
            WriteNew(privatePath, Ed25519KeyText.FormatPrivateKeyPem(privateKey), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            WriteNew(publicPath, Ed25519KeyText.FormatPublicKeyPem(Ed25519Signatures.PublicKeyOf(privateKey)),
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            Array.Clear(privateKey);
            parse.InvocationConfiguration.Output.WriteLine($"wrote {privatePath} (private: keep it offline) and {publicPath} (key id '{keyId}')");
            return 0;
        });
        return new Command("keys", "Signing keys for bundles and commands") { create };
    }

    // Created with its final mode (never briefly world-readable) and never over an existing file.
    private static void WriteNew(string path, string text, UnixFileMode mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = mode;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
        writer.Write('\n');
    }
}
