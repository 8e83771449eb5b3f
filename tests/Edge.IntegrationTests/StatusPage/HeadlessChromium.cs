using System.Diagnostics;

namespace Edge.IntegrationTests.StatusPage;

/// <summary>Debian's chromium, headless, in a throw-away profile, allowed to resolve no host but
/// 127.0.0.1 and to fetch nothing in the background: the page is all it talks to.</summary>
public static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(60);

    public static void RequireInstalled()
    {
        if (!File.Exists(Path))
            Assert.Fail($"{Path} is missing: run tools/dev/deps.sh (as root) to install Debian's chromium for the browser tests");
    }

    /// <summary>The DOM after the page's scripts ran for 5 s of virtual time.</summary>
    public static Task<string> DumpDomAsync(Uri page, CancellationToken cancellationToken) =>
        RunAsync(["--virtual-time-budget=5000", "--dump-dom", page.AbsoluteUri], cancellationToken);

    public static Task<string> ScreenshotAsync(Uri page, string png, CancellationToken cancellationToken) =>
        RunAsync(["--virtual-time-budget=5000", "--window-size=1280,1600", $"--screenshot={png}", page.AbsoluteUri], cancellationToken);

    private static async Task<string> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("edge-chromium-");
        try
        {
            var start = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in (string[])[
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                $"--user-data-dir={profile.FullName}", .. args])
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium {string.Join(' ', args)} ran longer than {s_limit}");
            }
            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}:\n{await errors}");
            return await output;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
