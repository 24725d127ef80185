using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Jixiao.Bench -- --filter '*'   (figures go to docs/benchmarks.md)
if (args.Length > 0 && args[0] == "import-throughput")
{
    Jixiao.Bench.Import.ImportThroughput.Run(args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Jixiao.Bench.BenchPaths).Assembly).Run(args);
