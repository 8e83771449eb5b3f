using System.CommandLine;
using System.Globalization;
using Edge.Firmware.Bundles;
using Edge.Uplink.Commands.Signing;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl bundle create</c>: pack a folder (service binary, default configuration,
/// intel snapshot, systemd unit) into one signed bundle.</summary>
internal static class BundleCreateCommand
{
    public static Command Create()
    {
        var from = new Option<DirectoryInfo>("--from") { Description = "folder whose files are packed", Required = true };
        var version = new Option<string>("--version") { Description = "bundle version (SemVer 2.0.0)", Required = true };
        var boards = new Option<string[]>("--board") { Description = "compatible board profile (repeatable)", Required = true, AllowMultipleArgumentsPerToken = true };
        var key = new Option<FileInfo>("--key") { Description = "private key file (PEM PRIVATE KEY or base64)", Required = true };
        var keyId = new Option<string>("--key-id") { Description = "id of that key as the sensors trust it", Required = true };
        var minVersion = new Option<string>("--min-version") { Description = "oldest running version this bundle may update", DefaultValueFactory = _ => "0.0.0" };
        var allowDowngrade = new Option<bool>("--allow-downgrade") { Description = "let sensors running a newer version install it" };
        var commit = new Option<string>("--commit") { Description = "source commit recorded in the manifest", DefaultValueFactory = _ => "unknown" };
        var output = new Option<FileInfo>("--out") { Description = "bundle file to write", Required = true };
        from.AcceptExistingOnly();
        key.AcceptExistingOnly();
        BundleArguments.RequireVersion(version);
        BundleArguments.RequireVersion(minVersion);

        var command = new Command("create", "Pack a folder into a signed bundle")
        {
            from, version, boards, key, keyId, minVersion, allowDowngrade, commit, output,
        };
        command.SetAction(parse =>
        {
            if (!Ed25519KeyText.TryParsePrivateKey(File.ReadAllText(parse.GetRequiredValue(key).FullName), out var privateKey))
                return BundleArguments.UsageError(parse, $"--key: '{parse.GetRequiredValue(key).FullName}' is not an Ed25519 PRIVATE KEY (PEM) or base64 of 32 bytes");
            if (!TrustedKeys.IsKeyId(parse.GetRequiredValue(keyId)))
                return BundleArguments.UsageError(parse, "--key-id must be 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'");
            var build = new BundleBuild(parse.GetRequiredValue(commit), BuildTime(), Environment.MachineName);
            var options = new BundleWriteOptions(parse.GetRequiredValue(version), parse.GetRequiredValue(boards), build,
                parse.GetRequiredValue(minVersion), parse.GetValue(allowDowngrade));
            var path = parse.GetRequiredValue(output).FullName;
            var partial = path + ".partial";
            try
            {
                var sources = BundleFolder.Scan(parse.GetRequiredValue(from).FullName);
                BundleManifest manifest;
                using (var stream = new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
                {
                    manifest = new BundleWriter(parse.GetRequiredValue(keyId), privateKey).Write(stream, options, sources);
                    stream.Flush(flushToDisk: true);
                }
                File.Move(partial, path, overwrite: true);
                parse.InvocationConfiguration.Output.WriteLine(
                    $"{path}: version {manifest.Version} for {string.Join(", ", manifest.Boards)}, {manifest.Files.Count} files, {manifest.TotalFileBytes} payload bytes, signed by '{manifest.KeyId}'");
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                File.Delete(partial);
                parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                return e is ArgumentException ? 2 : 1;
            }
            finally
            {
                Array.Clear(privateKey);
            }
        });
        return command;
    }

    // Reproducible builds set SOURCE_DATE_EPOCH (reproducible-builds.org/specs/source-date-epoch).
    private static DateTimeOffset BuildTime() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
