using Edge.Service.Tests.TestSupport;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Service.Tests.Commands;

public class IntelCommandTests
{
    [Fact]
    public void The_corpus_lists_load_clean_with_counts_per_category()
    {
        var run = EdgeServiceProcess.Run("intel", "check", Path.Combine(Corpus.Root, "intel"));
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"(?m)^\s+phishing\s+6$", run.Output);
        Assert.Matches(@"(?m)^\s+mining\s+5$", run.Output);
        Assert.Matches(@"(?m)^refused\s+0 bad", run.Output);
    }

    [Fact]
    public void Every_bad_line_is_named_with_file_and_line_and_the_exit_code_is_1()
    {
        var path = Path.Combine(Path.GetTempPath(), $"edge-intel-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllLines(path, ["evil.example\tphishing", "10.0.0.0/33\tcnc", "bad..name\tphishing", "ok.example\tmining"]);
            var run = EdgeServiceProcess.Run("intel", "check", path);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"{path}:2: BadPrefixLength", run.Output, StringComparison.Ordinal);
            Assert.Contains($"{path}:3: BadName", run.Output, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^entries\s+2 domains", run.Output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_list_is_named_and_exits_2()
    {
        var run = EdgeServiceProcess.Run("intel", "check", "/nonexistent/list.txt");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/nonexistent/list.txt", run.Error, StringComparison.Ordinal);
    }
}
