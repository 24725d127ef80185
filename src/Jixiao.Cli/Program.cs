using System.Text;
using Jixiao.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
return JixiaoCli.Run(args, new(Console.Out, Console.Error));
