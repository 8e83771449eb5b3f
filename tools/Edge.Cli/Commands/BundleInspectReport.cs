using System.Text.Json.Serialization;
using Edge.Firmware.Bundles;

namespace Edge.Cli.Commands;

/// <summary>What <c>bundle inspect --json</c> prints: the region sizes and the manifest as read.
/// The signature is not checked (that needs trusted keys: <c>bundle verify</c>).</summary>
internal sealed record BundleInspectReport(int FormatVersion, int HeaderBytes, int ManifestBytes, int SignatureBytes,
    long PayloadBytes, long TotalBytes, bool SignatureChecked, BundleManifest Manifest);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BundleInspectReport))]
internal sealed partial class BundleInspectJsonContext : JsonSerializerContext;
