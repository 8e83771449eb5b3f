using System.Security.Cryptography;
using System.Text;
using Edge.Firmware.Files;

namespace Edge.Firmware.Provisioning;

/// <summary>Writes a verified set onto the sensor beside its configuration file (<c>/etc/edge</c>):
/// the PEM files into a folder named after the set, then the configuration renamed over the old one.
/// That rename is the switch: a power cut before it leaves the old configuration with its own files,
/// after it the new one with its files. The old configuration is kept as <c>FILE.previous</c>.</summary>
public static class ProvisionedFiles
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
        if (File.Exists(configuration))
            DurableFile.WriteAllBytes(configuration + ".previous", File.ReadAllBytes(configuration), OwnerOnly);
        File.Move(candidate, configuration, overwrite: true);
        DurableFile.FlushFolder(folder);
        RemoveOtherCertificates(folder, certificates);
        return certificates;
    }

    private static void WriteCertificates(ProvisioningSet set, string certificates)
    {
        if (Directory.Exists(certificates))
            Directory.Delete(certificates, recursive: true);
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(certificates);
        else
            Directory.CreateDirectory(certificates, OwnerOnlyFolder);
        if (set.BrokerCa is not null)
            DurableFile.WriteAllBytes(Path.Combine(certificates, BrokerCaFile), Encoding.UTF8.GetBytes(set.BrokerCa), OwnerOnly);
        if (set.ClientCertificate is not null && set.ClientKey is not null)
        {
            DurableFile.WriteAllBytes(Path.Combine(certificates, ClientCertificateFile), Encoding.UTF8.GetBytes(set.ClientCertificate), OwnerOnly);
            DurableFile.WriteAllBytes(Path.Combine(certificates, ClientKeyFile), Encoding.UTF8.GetBytes(set.ClientKey), OwnerOnly);
        }
        DurableFile.FlushFolder(Path.GetDirectoryName(certificates)!);
    }

    /// <summary>Earlier sets' folders: the previous configuration still names one, so the newest
    /// other folder stays (for <c>FILE.previous</c>) and older ones go.</summary>
    private static void RemoveOtherCertificates(string folder, string keep)
    {
        var others = new List<DirectoryInfo>();
        foreach (var directory in new DirectoryInfo(folder).EnumerateDirectories(CertificatesPrefix + "*"))
        {
            if (!string.Equals(directory.FullName, keep, StringComparison.Ordinal))
                others.Add(directory);
        }
        others.Sort((a, b) => b.LastWriteTimeUtc.CompareTo(a.LastWriteTimeUtc));
        for (var i = 1; i < others.Count; i++)
            others[i].Delete(recursive: true);
    }
}
