using BenchmarkDotNet.Running;

namespace Edge.Benchmarks;

public static class Program
{
    // All of BenchmarkDotNet's options apply: --filter '*', --job short, --list flat, ...
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
