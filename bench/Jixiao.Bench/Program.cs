using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Jixiao.Bench -- --filter '*'   (figures go to docs/benchmarks.md)
if (args is ["scoring-cpu", ..])
{
    Jixiao.Bench.Scoring.ScoringThroughput.Run(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

if (args is ["review-cpu", ..])
{
    Jixiao.Bench.Reviews.ReviewThroughput.Run(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

if (args is ["import-throughput", ..])
{
    Jixiao.Bench.Import.ImportThroughput.Run(args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Jixiao.Bench.BenchPaths).Assembly).Run(args);
