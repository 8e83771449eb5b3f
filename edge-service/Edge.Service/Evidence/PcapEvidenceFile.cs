using Edge.Detect.Evidence;

namespace Edge.Service.Evidence;

/// <summary>Writes one capture as a classic pcap: to a temporary name first, renamed when complete,
/// so the store never shows a half-written file under an alert's name.</summary>
internal static class PcapEvidenceFile
{
    public const string Extension = ".pcap";
    public const string TemporaryExtension = ".pcap.tmp";

    public static long Size(EvidenceCapture capture) => PcapFormat.FileHeaderLength + capture.Length;

    public static void Write(string path, EvidenceCapture capture)
    {
        var temporary = path + ".tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                Span<byte> header = stackalloc byte[PcapFormat.FileHeaderLength];
                PcapFormat.WriteFileHeader(header, capture.LinkType, capture.SnapLength);
                file.Write(header);
                file.Write(capture.Records);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
