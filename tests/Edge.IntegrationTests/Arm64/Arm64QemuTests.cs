using Edge.IntegrationTests.TestSupport;

namespace Edge.IntegrationTests.Arm64;

/// <summary>The Raspberry Pi binary: edge-service cross-compiled for linux-arm64 with NativeAOT by
/// tools/build/publish-arm64.sh, run here under qemu-user against Debian's arm64 libraries, must
/// write the same event log, byte for byte, as the x64 build for the same capture.</summary>
public class Arm64QemuTests
{
    private const string Qemu = "/usr/bin/qemu-aarch64-static";
    private const string Arm64Libraries = "/usr/lib/aarch64-linux-gnu";

    [Fact]
    public void The_arm64_native_binary_writes_the_same_events_as_x64_under_qemu()
    {
        // CI runs tools/dev/deps.sh as root before the tests: a missing toolchain is a failure.
        var missing = new[]
        {
            Qemu,
            Path.Combine(Arm64Libraries, "libc.so.6"),
            Path.Combine(Arm64Libraries, "libpcap.so.0.8"),
            Path.Combine(Arm64Libraries, "libssl.so.3"),
            "/usr/aarch64-linux-gnu/lib/crti.o",
            "/usr/bin/aarch64-linux-gnu-ld",
            "/usr/bin/clang",
        }.Where(path => !File.Exists(path)).ToList();
        Assert.True(missing.Count == 0,
            $"the arm64 cross toolchain or qemu is missing ({string.Join(", ", missing)}): run tools/dev/deps.sh as root");

        var repo = ToolRun.RepoRoot();
        var work = Directory.CreateTempSubdirectory("edge-arm64-");
        try
        {
            var output = Path.Combine(work.FullName, "out");
            var publish = ToolRun.Run("bash", repo, TimeSpan.FromMinutes(10),
                "tools/build/publish-arm64.sh", output, "--artifacts-path", Path.Combine(work.FullName, "artifacts"));
            Assert.True(publish.ExitCode == 0, publish.Output);
            Assert.DoesNotMatch(@"warning [A-Z]+\d+", publish.Output);
            var native = Path.Combine(output, "edge-service");
            Assert.True(File.Exists(Path.Combine(output, "appsettings.json")));

            // The capture bundled with the published binary, read by both builds.
            var pcap = Path.Combine(output, "Samples", "lan-sample.pcap");
            var armEvents = Path.Combine(work.FullName, "arm64.ndjson");
            var x64Events = Path.Combine(work.FullName, "x64.ndjson");
            var arm = RunArm64(native, work.FullName, "replay", pcap, "--events", armEvents, "--no-progress");
            Assert.True(arm.ExitCode == 0, arm.Output);
            var jit = Path.Combine(AppContext.BaseDirectory, "edge-service.dll");
            var x64 = ToolRun.Run("dotnet", work.FullName, TimeSpan.FromMinutes(1), "exec", jit, "replay", pcap, "--events", x64Events, "--no-progress");
            Assert.True(x64.ExitCode == 0, x64.Output);
            AssertSameBytes(x64Events, armEvents);
            Assert.Contains("alerts         23 ", arm.Output, StringComparison.Ordinal);

            var version = RunArm64(native, work.FullName, "--version");
            Assert.True(version.ExitCode == 0, version.Output);
            Assert.Matches(@"^\d+\.\d+\.\d+", version.Output);

            // Every detector fires on the bundled threat scenes and nothing else, on arm64 too.
            var selftest = RunArm64(native, work.FullName, "selftest");
            Assert.True(selftest.ExitCode == 0, selftest.Output);
            Assert.Contains("selftest passed", selftest.Output, StringComparison.Ordinal);

            // The arm64 SQLite outbox (libe_sqlite3.so from the publish) and the embedded MQTT broker on loopback.
            var settings = Path.Combine(work.FullName, "publish.json");
            File.WriteAllText(settings, $$"""{ "Edge": { "Sensor": { "StateDirectory": "{{Path.Combine(work.FullName, "state")}}" } } }""");
            var published = RunArm64(native, work.FullName, "replay", "--config", settings, "--publish", "--no-progress");
            Assert.True(published.ExitCode == 0, published.Output);
            Assert.Matches(@"(?m)^outbox\s+27 alert message\(s\) stored .*27 message\(s\) acknowledged by the broker, 0 left", published.Output);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void AssertSameBytes(string expectedFile, string actualFile)
    {
        var expected = File.ReadAllBytes(expectedFile);
        var actual = File.ReadAllBytes(actualFile);
        Assert.True(expected.Length > 0, $"{expectedFile} is empty");
        if (expected.AsSpan().SequenceEqual(actual))
            return;
        var x64Lines = File.ReadAllLines(expectedFile);
        var armLines = File.ReadAllLines(actualFile);
        var line = 0;
        while (line < x64Lines.Length && line < armLines.Length && x64Lines[line] == armLines[line])
            line++;
        Assert.Fail($"the event logs differ ({expected.Length} bytes on x64, {actual.Length} on arm64), first at line {line + 1}:\n"
            + $"x64:   {(line < x64Lines.Length ? x64Lines[line] : "(end)")}\narm64: {(line < armLines.Length ? armLines[line] : "(end)")}");
    }

    /// <summary>Runs the arm64 binary under qemu-user with / as the root of its libraries (dpkg
    /// multiarch puts them in /usr/lib/aarch64-linux-gnu), whether or not binfmt_misc is set up, on
    /// the Raspberry Pi 4's core (Cortex-A72, ARMv8.0 with CRC): qemu's default CPU has every newer
    /// extension and would hide an instruction the Pi does not have.</summary>
    private static (int ExitCode, string Output) RunArm64(string binary, string directory, params string[] args) =>
        ToolRun.Run(Qemu, directory, TimeSpan.FromMinutes(2), ["-cpu", "cortex-a72", "-L", "/", binary, .. args]);
}
