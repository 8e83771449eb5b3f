using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Edge.Firmware.Files;

namespace Edge.Firmware.Provisioning;

/// <summary>Writes a verified set onto the sensor beside its configuration file (<c>/etc/edge</c>):
/// the PEM files into a folder named after the set, then the configuration renamed over the old one.
/// That rename is the switch: a power cut before it leaves the old configuration with its own files,
/// after it the new one with its files. The old configuration is kept as <c>FILE.previous</c>.</summary>
public static partial class ProvisionedFiles
{
    public const string BrokerCaFile = "broker-ca.pem";
    public const string ClientCertificateFile = "client.pem";
    public const string ClientKeyFile = "client.key";
    public const string CertificatesPrefix = "certs-";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnly | UnixFileMode.UserExecute;

    /// <param name="file">The provisioning file as received; its hash names the certificate folder.</param>
    /// <param name="validate">Loads the new configuration as the service would, throwing on a bad value;
    /// called before anything the service reads has changed.</param>
    /// <returns>The certificate folder the configuration now points at.</returns>
    public static string Install(ProvisioningSet set, ReadOnlySpan<byte> file, string configurationFile, Action<string> validate)
    {
        ArgumentNullException.ThrowIfNull(validate);
        var configuration = Path.GetFullPath(configurationFile);
        var folder = Path.GetDirectoryName(configuration)!;
        Directory.CreateDirectory(folder);
        var certificates = Path.Combine(folder, CertificatesPrefix + Convert.ToHexStringLower(SHA256.HashData(file))[..16]);
        var reinstall = Directory.Exists(certificates);
        WriteCertificates(set, certificates);

        var json = ProvisionedConfiguration.ToJson(set, certificates);
        var candidate = configuration + ".new";
        DurableFile.WriteAllBytes(candidate, json, OwnerOnly);
        try
        {
            validate(candidate);
        }
        catch
        {
            // A refused set's folder left behind would be the newest other one at the next install,
            // kept in place of the folder FILE.previous names.
            File.Delete(candidate);
            if (!reinstall)
                Directory.Delete(certificates, recursive: true);
            throw;
        }
        string? previous = null;
        if (File.Exists(configuration))
        {
            var old = File.ReadAllBytes(configuration);
            DurableFile.WriteAllBytes(configuration + ".previous", old, OwnerOnly);
            previous = Encoding.UTF8.GetString(old);
        }
        File.Move(candidate, configuration, overwrite: true);
        DurableFile.FlushFolder(folder);
        RemoveOtherCertificates(folder, certificates, previous);
        return certificates;
    }

    /// <summary>The folder is named by the set's hash, so an existing one with the same files is this
    /// very set, possibly the one in force: it is left alone rather than rewritten under the running
    /// configuration. One that differs is a remnant of a cut install that nothing refers to.</summary>
    private static void WriteCertificates(ProvisioningSet set, string certificates)
    {
        var files = new List<(string Name, byte[] Bytes)>();
        if (set.BrokerCa is not null)
            files.Add((BrokerCaFile, Encoding.UTF8.GetBytes(set.BrokerCa)));
        if (set.ClientCertificate is not null && set.ClientKey is not null)
        {
            files.Add((ClientCertificateFile, Encoding.UTF8.GetBytes(set.ClientCertificate)));
            files.Add((ClientKeyFile, Encoding.UTF8.GetBytes(set.ClientKey)));
        }
        if (Directory.Exists(certificates))
        {
            if (Holds(certificates, files))
                return;
            Directory.Delete(certificates, recursive: true);
        }
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(certificates);
        else
            Directory.CreateDirectory(certificates, OwnerOnlyFolder);
        foreach (var (name, bytes) in files)
            DurableFile.WriteAllBytes(Path.Combine(certificates, name), bytes, OwnerOnly);
        DurableFile.FlushFolder(Path.GetDirectoryName(certificates)!);
    }

    private static bool Holds(string folder, List<(string Name, byte[] Bytes)> files)
    {
        if (Directory.GetFileSystemEntries(folder).Length != files.Count)
            return false;
        foreach (var (name, bytes) in files)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
                return false;
        }
        return true;
    }

    /// <summary>Earlier sets' folders go, except the one <c>FILE.previous</c> names (found in its text,
    /// not by file times: a Pi without a battery-backed clock can have its clock jump back).</summary>
    private static void RemoveOtherCertificates(string folder, string keep, string? previousConfiguration)
    {
        var previous = previousConfiguration is null ? null : FolderNamedIn(previousConfiguration);
        foreach (var directory in new DirectoryInfo(folder).EnumerateDirectories(CertificatesPrefix + "*"))
        {
            if (!string.Equals(directory.FullName, keep, StringComparison.Ordinal)
                && !string.Equals(directory.Name, previous, StringComparison.Ordinal))
                directory.Delete(recursive: true);
        }
    }

    private static string? FolderNamedIn(string configurationText)
    {
        var match = CertificateFolderPattern().Match(configurationText);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex("certs-[0-9a-f]{16}")]
    private static partial Regex CertificateFolderPattern();
}
