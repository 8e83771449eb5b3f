using System.CommandLine;
using Edge.Firmware.Bundles;
using Edge.Firmware.Versions;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl bundle verify</c>: exit 0 when the bundle verifies, 1 when it is refused
/// (the reason code and message are printed), 2 for bad arguments.</summary>
internal static class BundleVerifyCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "bundle to verify" };
        var trust = new Option<string[]>("--trust") { Description = "trusted key as ID=PUBFILE (repeatable)", Required = true, AllowMultipleArgumentsPerToken = true };
        var board = new Option<string>("--board") { Description = "refuse unless the bundle lists this board" };
        var current = new Option<string>("--current-version") { Description = "the running version: refuse downgrades and too-old sources" };
        var extract = new Option<DirectoryInfo>("--extract") { Description = "also extract into this new folder (only if everything verifies)" };
        file.AcceptExistingOnly();
        BundleArguments.RequireVersion(current);

        var command = new Command("verify", "Verify a bundle's signature, board, version rules and every file's hash") { file, trust, board, current, extract };
        command.SetAction(parse =>
        {
            var keys = BundleArguments.ReadTrust(parse.GetRequiredValue(trust), out var error);
            if (keys is null)
                return BundleArguments.UsageError(parse, error);
            var currentText = parse.GetValue(current);
            var policy = new BundlePolicy(parse.GetValue(board), currentText is null ? null : SemVersion.Parse(currentText));
            var path = parse.GetRequiredValue(file).FullName;
            BundleVerification result;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                result = new BundleVerifier(keys, policy).Verify(stream, parse.GetValue(extract)?.FullName);
            if (result.Refusal is { } refusal)
            {
                parse.InvocationConfiguration.Output.WriteLine($"refused: {refusal.Name}: {refusal.Message}");
                return 1;
            }
            var m = result.Manifest!;
            parse.InvocationConfiguration.Output.WriteLine(
                $"ok: {path}: version {m.Version} for {string.Join(", ", m.Boards)}, {m.Files.Count} files, {m.TotalFileBytes} bytes, signed by '{m.KeyId}'");
            return 0;
        });
        return command;
    }
}
