using BenchmarkDotNet.Running;

namespace Edge.Benchmarks;

public static class Program
{
    // All of BenchmarkDotNet's options apply: --filter '*', --job short, --list flat, ...
    // --intel-scale runs the intel compile/swap memory check instead (see Intel/IntelScaleCheck.cs).
    public static void Main(string[] args)
    {
        if (args is ["--intel-scale"])
            Intel.IntelScaleCheck.Run();
        else
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
