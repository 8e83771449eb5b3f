using System.ComponentModel;
using System.Diagnostics;

namespace Edge.Service.Blocking;

/// <summary>The real nft: the script is written straight into the process's standard input, so a
/// million elements never become one string. A missing program or a refusal (no CAP_NET_ADMIN)
/// is a failed result, never an exception.</summary>
public sealed class NftProcessRunner(string program) : INftRunner
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public NftResult RunScript(Action<TextWriter> script) => Start(["-f", "-"], script);

    public NftResult Run(params string[] arguments) => Start(arguments, null);

    private NftResult Start(string[] arguments, Action<TextWriter>? script)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("not started");
        }
        catch (Win32Exception e)
        {
            return new NftResult(false, "", $"cannot run {program}: {e.Message}");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            try
            {
                using (var input = process.StandardInput)
                    script?.Invoke(input);
            }
            catch (IOException e)
            {
                // nft gave up reading (a syntax error early on): its own message says why.
                _ = e;
            }
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                return new NftResult(false, "", $"{program} did not finish within {Limit.TotalSeconds:0} s");
            }
            process.WaitForExit();
            return new NftResult(process.ExitCode == 0, output.Result, error.Result.Trim());
        }
    }
}
