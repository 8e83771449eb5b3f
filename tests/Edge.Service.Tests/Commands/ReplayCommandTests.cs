using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Edge.Service.Tests.TestSupport;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Service.Tests.Commands;

public class ReplayCommandTests
{
    private static string Sample => Path.Combine(AppContext.BaseDirectory, "Samples", "lan-sample.pcap");

    private static long Number(string summary, string pattern) =>
        long.Parse(Regex.Match(summary, pattern, RegexOptions.Multiline).Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Without_arguments_the_bundled_sample_is_replayed_with_a_summary()
    {
        var run = EdgeServiceProcess.Run("replay", "--no-progress");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("lan-sample.pcap", run.Output, StringComparison.Ordinal);
        Assert.Equal(685, Number(run.Output, @"^packets\s+([\d,]+)"));
        Assert.Equal(0, Number(run.Output, @"^decode errors\s+([\d,]+)"));
        Assert.True(Number(run.Output, @"^dns\s+([\d,]+) messages") > 0);
        Assert.True(Number(run.Output, @"^tls\s+([\d,]+) ClientHellos") > 0);
        Assert.True(Number(run.Output, @"^http\s+([\d,]+) requests") > 0);
        Assert.Matches(@"(?m)^allocated\s+[\d.]+ B/packet", run.Output);
    }

    [Fact]
    public void Events_to_standard_output_are_pure_ndjson_and_the_summary_goes_to_standard_error()
    {
        var run = EdgeServiceProcess.Run("replay", "--events", "-");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var types = new HashSet<string>();
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            types.Add(doc.RootElement.GetProperty("type").GetString()!);
            Assert.True(doc.RootElement.TryGetProperty("ts", out _));
        }
        Assert.Equal(["alert", "dns", "flow", "http", "tls"], types.Order(StringComparer.Ordinal));
        Assert.Equal(lines.Length, Number(run.Error, @"^events\s+([\d,]+) written"));
    }

    [Fact]
    public void Events_to_a_file_match_the_count_in_the_summary()
    {
        var path = Path.Combine(Path.GetTempPath(), $"edge-events-{Guid.NewGuid():N}.ndjson");
        try
        {
            var run = EdgeServiceProcess.Run("replay", Sample, "--events", path, "--no-progress");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(File.ReadLines(path).Count(), Number(run.Output, @"^events\s+([\d,]+) written"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_named_and_exits_2()
    {
        var run = EdgeServiceProcess.Run("replay", "/nonexistent/capture.pcap");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/nonexistent/capture.pcap", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_capture_is_named_and_exits_1()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25 });
            var run = EdgeServiceProcess.Run("replay", path);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains(path, run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_capture_cut_short_is_replayed_up_to_the_cut_with_a_warning()
    {
        var path = Path.GetTempFileName();
        try
        {
            var bytes = File.ReadAllBytes(Sample);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2 + 7)]);
            var run = EdgeServiceProcess.Run("replay", path, "--no-progress");
            Assert.Equal(0, run.ExitCode);
            var packets = Number(run.Output, @"^packets\s+([\d,]+)");
            Assert.InRange(packets, 100, 516);
            Assert.Contains("reading stopped early", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pcapng_gives_the_same_events_as_pcap()
    {
        var editcap = "/usr/bin/editcap";
        if (!File.Exists(editcap))
            Assert.Skip("editcap (Debian wireshark-common) is not installed; tools/dev/deps.sh installs it");
        var pcapng = Path.Combine(Path.GetTempPath(), $"edge-{Guid.NewGuid():N}.pcapng");
        try
        {
            using (var convert = Process.Start(editcap, ["-F", "pcapng", Corpus.Pcap("dns-basic"), pcapng]))
                convert.WaitForExit();
            var fromPcap = EdgeServiceProcess.Run("replay", Corpus.Pcap("dns-basic"), "--events", "-");
            var fromPcapng = EdgeServiceProcess.Run("replay", pcapng, "--events", "-");
            Assert.Equal(0, fromPcapng.ExitCode);
            Assert.Equal(fromPcap.Output.Split('\n').Length, fromPcapng.Output.Split('\n').Length);
            Assert.Equal(StripFlowIds(fromPcap.Output), StripFlowIds(fromPcapng.Output));
        }
        finally
        {
            File.Delete(pcapng);
        }
    }

    [Fact]
    public void Several_files_are_replayed_as_one_capture()
    {
        var run = EdgeServiceProcess.Run("replay", Corpus.Pcap("dns-basic"), Corpus.Pcap("http"), "--no-progress");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(68 + 72, Number(run.Output, @"^packets\s+([\d,]+)"));
    }

    [Fact]
    public void An_unwritable_event_log_is_named_and_exits_1()
    {
        var run = EdgeServiceProcess.Run("replay", Sample, "--events", "/nonexistent/dir/out.ndjson");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot write the event log to /nonexistent/dir/out.ndjson", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pcapng_record_with_an_absurd_time_is_clamped_with_a_warning()
    {
        var path = Path.Combine(Path.GetTempPath(), $"edge-{Guid.NewGuid():N}.pcapng");
        try
        {
            File.WriteAllBytes(path, PcapngWithOnePacket(timestampMicros: 1UL << 62));
            var run = EdgeServiceProcess.Run("replay", path, "--events", "-");
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("time outside 1970..9999", run.Error, StringComparison.Ordinal);
            Assert.Contains("\"type\":\"flow\"", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Section header, one Ethernet interface (microsecond resolution) and one UDP packet.</summary>
    private static byte[] PcapngWithOnePacket(ulong timestampMicros)
    {
        var stream = new MemoryStream();
        var w = new BinaryWriter(stream);
        w.Write(0x0A0D0D0Au); w.Write(28u); w.Write(0x1A2B3C4Du); w.Write((ushort)1); w.Write((ushort)0); w.Write(-1L); w.Write(28u);
        w.Write(1u); w.Write(20u); w.Write((ushort)1); w.Write((ushort)0); w.Write(65535u); w.Write(20u);
        byte[] frame = [.. new byte[12], 0x08, 0x00, 0x45, 0, 0, 29, 0, 0, 0, 0, 64, 17, 0, 0, 10, 77, 0, 10, 192, 0, 2, 53, 0x30, 0x39, 0, 53, 0, 9, 0, 0, 0];
        var padded = (frame.Length + 3) / 4 * 4;
        var total = (uint)(32 + padded);
        w.Write(6u); w.Write(total); w.Write(0u); w.Write((uint)(timestampMicros >> 32)); w.Write((uint)timestampMicros);
        w.Write((uint)frame.Length); w.Write((uint)frame.Length); w.Write(frame); w.Write(new byte[padded - frame.Length]); w.Write(total);
        return stream.ToArray();
    }

    private static string StripFlowIds(string ndjson) => Regex.Replace(ndjson, "\"flow_id\":\\d+,", "");
}
