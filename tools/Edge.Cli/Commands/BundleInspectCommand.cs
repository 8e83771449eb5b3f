using System.CommandLine;
using System.Text.Json;
using Edge.Firmware.Bundles;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl bundle inspect</c>: show a bundle's manifest, sizes and hashes without
/// trusting it. Prints no signature or key bytes, only the key id.</summary>
internal static class BundleInspectCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "bundle to inspect" };
        var json = new Option<bool>("--json") { Description = "print JSON instead of text" };
        file.AcceptExistingOnly();
        var command = new Command("inspect", "Show a bundle's manifest, sizes and file hashes (signature not checked)") { file, json };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            var output = parse.InvocationConfiguration.Output;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (!BundleReader.TryReadPrefix(stream, out var prefix, out var refusal))
            {
                output.WriteLine($"refused: {refusal!.Name}: {refusal.Message}");
                return 1;
            }
            var m = prefix.Manifest;
            var report = new BundleInspectReport(prefix.Header.Version, BundleFormat.HeaderSize, prefix.Header.ManifestLength,
                prefix.Header.SignatureLength, stream.Length - prefix.PayloadOffset, stream.Length, false, m);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(report, BundleInspectJsonContext.Default.BundleInspectReport));
                return 0;
            }
            output.WriteLine($"bundle    {path} ({report.TotalBytes} bytes; format {report.FormatVersion}; signature NOT checked, use 'bundle verify')");
            output.WriteLine($"version   {m.Version} (from {m.MinVersion} up{(m.AllowDowngrade ? ", downgrade allowed" : "")})");
            output.WriteLine($"boards    {string.Join(", ", m.Boards)}");
            output.WriteLine($"key id    {m.KeyId}");
            output.WriteLine($"build     {m.Build.Commit} at {m.Build.Time:O} on {m.Build.Host}");
            output.WriteLine($"sizes     header {report.HeaderBytes}, manifest {report.ManifestBytes}, signature {report.SignatureBytes}, payload {report.PayloadBytes} (manifest says {m.TotalFileBytes})");
            foreach (var f in m.Files)
                output.WriteLine($"  {f.Mode} {f.Size,12} {f.Sha256} {f.Path}");
            return 0;
        });
        return command;
    }
}
