using System.CommandLine;
using Edge.Service.Replay;
using Edge.Service.SelfTest;

namespace Edge.Service.Commands;

/// <summary><c>edge-service selftest</c>: proves on the appliance itself that every detector fires on
/// the bundled capture's threat scenes and stays quiet on its benign traffic.</summary>
internal static class SelfTestCommand
{
    public static Command Create()
    {
        var expected = new Option<string?>("--expected") { Description = "expected alerts (default: the bundled list)" };
        var command = new Command("selftest", "Replay the bundled capture and check that every detector fires, and only where it should")
        {
            expected,
        };
        command.SetAction(parse => Run(parse.GetValue(expected) ?? SelfTestRun.ExpectedFile, parse.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string expectedFile, TextWriter output)
    {
        if (!File.Exists(expectedFile))
        {
            Console.Error.WriteLine($"edge-service selftest: no such file: {expectedFile}");
            return 2;
        }
        SelfTestResult result;
        try
        {
            result = SelfTestRun.Run(ReplayCommand.BundledSample, expectedFile);
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"edge-service selftest: {e.Message}");
            return 2;
        }
        output.WriteLine($"{"category",-12} {"expected",8} {"found",6} {"unexpected",10}  result");
        foreach (var row in result.Rows)
        {
            output.WriteLine($"{row.Category,-12} {row.Expected,8} {row.Found,6} {row.Unexpected.Count,10}  {(row.Passed ? "pass" : "FAIL")}");
            foreach (var missed in row.Missed)
                output.WriteLine($"    missed: {missed}");
            foreach (var extra in row.Unexpected)
                output.WriteLine($"    unexpected: {extra}");
        }
        output.WriteLine(result.Passed ? "selftest passed: every detector fired, nothing else did" : "selftest FAILED");
        return result.Passed ? 0 : 1;
    }
}
