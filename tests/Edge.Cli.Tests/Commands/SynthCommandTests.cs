using Edge.Cli.Tests.TestSupport;

namespace Edge.Cli.Tests.Commands;

public sealed class SynthCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgectl-synth-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Synth_writes_the_generator_output_for_the_given_options()
    {
        var path = Path.Combine(_dir, "out.pcap");
        var start = new DateTimeOffset(2027, 5, 6, 7, 8, 9, TimeSpan.Zero);
        Assert.Equal(0, Run("synth", "--out", path, "--seed", "9", "--start", "2027-05-06T07:08:09Z", "--scale", "2"));
        Assert.Equal(Pcaps.Generate(seed: 9, scale: 2, start: start), File.ReadAllBytes(path));
    }

    [Fact]
    public void Synth_repeat_concatenates_copies()
    {
        var input = Path.Combine(_dir, "in.pcap");
        File.WriteAllBytes(input, Pcaps.Generate());
        var output = Path.Combine(_dir, "big.pcap");
        Assert.Equal(0, Run("synth", "--repeat", input, input, "--copies", "3", "--out", output));
        Assert.Equal(6 * Pcaps.Frames(File.ReadAllBytes(input)).Count, Pcaps.Frames(File.ReadAllBytes(output)).Count);
    }

    [Theory]
    [InlineData("synth")]
    [InlineData("synth", "--out", "x.pcap", "--scale", "0")]
    [InlineData("synth", "--out", "x.pcap", "--repeat", "/no/such/file.pcap")]
    public void Bad_arguments_fail(params string[] args) => Assert.NotEqual(0, Run(args));

    private static int Run(params string[] args)
    {
        var parse = Program.BuildRoot().Parse(args);
        parse.InvocationConfiguration.Output = TextWriter.Null;
        parse.InvocationConfiguration.Error = TextWriter.Null;
        return parse.Invoke();
    }
}
