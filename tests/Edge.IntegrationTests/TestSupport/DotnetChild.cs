using System.Diagnostics;

namespace Edge.IntegrationTests.TestSupport;

/// <summary>
/// Starts <c>dotnet …</c> with SIGHUP, SIGINT and SIGQUIT at their defaults (coreutils'
/// <c>env --default-signal</c>, which then execs dotnet, so the process id stays). A test runner
/// started under nohup or as a background job passes those signals on ignored, .NET keeps an
/// ignore it inherits, and a test that sends one would wait in vain.
/// </summary>
internal static class DotnetChild
{
    public static ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--default-signal=HUP,INT,QUIT");
        start.ArgumentList.Add("dotnet");
        return start;
    }
}
