using System.Text.Json.Serialization;

namespace Edge.Service.StatusPage;

/// <summary>What <c>status-page.json</c> holds: the PBKDF2 hash of the status page password, never
/// the password.</summary>
internal sealed record PasswordHashFile
{
    public const string Pbkdf2Sha256 = "PBKDF2-SHA256";

    public required string User { get; init; }
    public required string Algorithm { get; init; }
    public required int Iterations { get; init; }
    public required byte[] Salt { get; init; }
    public required byte[] Hash { get; init; }
    public required DateTimeOffset Created { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(PasswordHashFile))]
internal sealed partial class PasswordHashFileJsonContext : JsonSerializerContext;
