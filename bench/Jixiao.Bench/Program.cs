using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Jixiao.Bench -- --filter '*'   (figures go to docs/benchmarks.md)
BenchmarkSwitcher.FromAssembly(typeof(Jixiao.Bench.BenchPaths).Assembly).Run(args);
