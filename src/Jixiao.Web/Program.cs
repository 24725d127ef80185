return Jixiao.Web.JixiaoWebHost.Run(args);
