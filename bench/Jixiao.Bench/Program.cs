using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Jixiao.Bench -- --filter '*'   (figures go to docs/benchmarks.md)
if (args is ["scoring-cpu", ..])
{
    Jixiao.Bench.Scoring.ScoringThroughput.Run(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

// dotnet run -c Release --project bench/Jixiao.Bench -- recheck-cpu [evaluations] [rounds]   (自评复核, docs/benchmarks.md)
if (args is ["recheck-cpu", ..])
{
    int RecheckArg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    Jixiao.Bench.Rechecks.RecheckThroughput.Run(Console.Out, RecheckArg(1, 20_000), RecheckArg(2, 5));
    return;
}

// dotnet run -c Release --project bench/Jixiao.Bench -- recheck-batch [files] [workers] [--pg "Host=…"]   (复核批次 through the queue, docs/benchmarks.md)
if (args is ["recheck-batch", ..])
{
    var positional = args.Skip(1).TakeWhile(a => a != "--pg").ToArray();
    var pg = Array.IndexOf(args, "--pg") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    await Jixiao.Bench.Rechecks.RecheckBatchBench.RunAsync(Console.Out,
        positional.Length > 0 ? int.Parse(positional[0], System.Globalization.CultureInfo.InvariantCulture) : 500,
        positional.Length > 1 ? int.Parse(positional[1], System.Globalization.CultureInfo.InvariantCulture) : 1, pg);
    return;
}

if (args is ["review-cpu", ..])
{
    // review-cpu [projects] [rounds] [rounds wording every finding]
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    Jixiao.Bench.Reviews.ReviewThroughput.Run(Console.Out, Arg(1, 100_000), Arg(2, 5), Arg(3, 5));
    return;
}

// dotnet run -c Release --project bench/Jixiao.Bench -- import-throughput [MB]   (docs/benchmarks-import.md)
if (args is ["import-throughput", ..])
{
    Jixiao.Bench.Import.ImportThroughput.Run(args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100);
    return;
}

// dotnet run -c Release --project bench/Jixiao.Bench -- monitoring [PROJECTS] [--db "Data Source=…"|"Host=…"]   (运行监控 at city scale, docs/benchmarks.md)
if (args is ["monitoring", ..])
{
    var monitoringDb = Array.IndexOf(args, "--db") is var dbAt and >= 0 && dbAt + 1 < args.Length ? args[dbAt + 1] : null;
    var count = args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 50_000;
    await Jixiao.Bench.Monitoring.MonitoringBench.RunAsync(Console.Out, count, monitoringDb);
    return;
}

// dotnet run -c Release --project bench/Jixiao.Bench -- city-db DB [PROJECTS]   (the web load test's database, docs/benchmarks-web.md)
if (args is ["city-db", var database, ..])
{
    Jixiao.Bench.Web.CityDatabase.Generate(database, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50_000);
    return;
}

// dotnet run -c Release --project bench/Jixiao.Bench -- confirm-lock [PROJECTS] [CHUNK ROWS]   (another writer's wait during a confirm, docs/benchmarks-web.md)
if (args is ["confirm-lock", ..])
{
    int LockArg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    await Jixiao.Bench.Web.ConfirmLock.RunAsync(Console.Out, LockArg(1, 20_000), LockArg(2, 5_000));
    return;
}

// dotnet run -c Release --project bench/Jixiao.Bench -- list-cpu DB [CALLS]   (the 项目 list without HTTP, docs/benchmarks-web.md)
if (args is ["list-cpu", var listDatabase, ..])
{
    await Jixiao.Bench.Web.ListThroughput.RunAsync(Console.Out, listDatabase, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2000);
    return;
}

// dotnet run -c Release --project bench/Jixiao.Bench -- reading-throughput [corpus|workbook|large|scan|all] [seconds]   (docs/benchmarks-reading.md)
if (args is ["reading-throughput", ..])
{
    Jixiao.Bench.Reading.ReadingThroughput.Run(Console.Out, args.Length > 1 ? args[1] : "all", args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return;
}

// dotnet run -c Release --project bench/Jixiao.Bench -- reading-one PATH [times]   (one file through the reading stages, timed)
if (args is ["reading-one", var onePath, ..])
{
    Jixiao.Bench.Reading.ReadingThroughput.One(Console.Out, onePath, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1);
    return;
}

// dotnet run -c Release --project bench/Jixiao.Bench -- reading-retime DIR [seconds]   (the fuzz run's hangs read alone, timed)
if (args is ["reading-retime", var retimeFolder, ..])
{
    Jixiao.Bench.Reading.ReadingThroughput.Retime(Console.Out, retimeFolder, args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

// dotnet run -c Release --project bench/Jixiao.Bench -- hostile-reads [case|all]   (one import read of each hostile file, docs/benchmarks-web.md)
if (args is ["hostile-reads", ..])
{
    Jixiao.Bench.Reading.HostileReads.Run(Console.Out, args.Length > 1 ? args[1] : "all");
    return;
}

// dotnet run -c Release --project bench/Jixiao.Bench -- fuzz-reading [--seconds S] [--inputs N] [--seed S] ...   (bench/fuzz-reading.sh)
if (args is ["fuzz-reading", ..])
{
    Environment.Exit(Jixiao.Bench.Reading.ReadingFuzz.Run(Console.Out, args));
}

BenchmarkSwitcher.FromAssembly(typeof(Jixiao.Bench.BenchPaths).Assembly).Run(args);
