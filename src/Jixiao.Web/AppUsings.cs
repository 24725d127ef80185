// The use cases' access scope, outcomes and import core live in Jixiao.App; every page, endpoint and hosting file uses them, as they
// did when these types were in Jixiao.Web.Auth and Jixiao.Web.Common.
global using Jixiao.App.Auth;
global using Jixiao.App.Common;
global using Jixiao.App.Imports;
// ReviewStatus moved from Jixiao.Data.Entities into the domain's review rules.
global using Jixiao.Domain.Reviews;
