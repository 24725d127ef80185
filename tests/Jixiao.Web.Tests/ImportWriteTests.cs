using System.Net;
using System.Text.Json;
using Jixiao.App.Demo;
using Jixiao.App.Imports;
using Jixiao.Data.Entities;
using Jixiao.Data.Storing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// Confirming a large import does not hold the write lock for the whole file (issue #14, item 10): its rows are
/// written in short transactions that let other writers in, hidden until the last one shows them all; an import
/// still commits whole or changes nothing. The seed table 002 (55 projects) is written 50 rows a transaction.
/// </summary>
public sealed class ImportWriteTests
{
    private static readonly Dictionary<string, string> SmallChunks = new() { ["Jixiao:Import:WriteChunkRows"] = "50" };

    private static async Task<int> UploadSeedAsync(HttpClient admin)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(File.ReadAllBytes(DemoSetup.SeedFiles[0])), "file", "002_57b7928e8e0f944a.txt");
        var upload = await admin.PostAsync("/api/v1/imports", form);
        upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = JsonSerializer.Deserialize<JsonElement>(await upload.Content.ReadAsStringAsync());
        preview.GetProperty("projects").GetInt32().ShouldBe(55);
        return preview.GetProperty("id").GetInt32();
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_large_import_is_written_in_short_transactions_that_let_others_write_and_is_seen_only_whole(string provider)
    {
        using var app = new TestApp(provider, seed: false, settings: SmallChunks);
        var writing = app.Services.GetRequiredService<ImportWriteOptions>();
        var admin = await app.LoginAsync("admin");
        var id = await UploadSeedAsync(admin);
        var seen = new List<(int Visible, int Staged)>();
        writing.AfterChunk = async saves =>
        {
            // Another user writes between two transactions of the import (on SQLite it would wait for the write lock),
            // and sees none of the import's rows yet.
            await using var other = app.NewDbContext();
            other.Units.Add(new UnitEntity { Name = $"并发写入单位{saves}" });
            await other.SaveChangesAsync();
            seen.Add((await other.Projects.CountAsync(), await other.Projects.IgnoreQueryFilters().CountAsync()));
        };

        var confirm = await admin.PostAsync($"/api/v1/imports/{id}/confirm", null);

        confirm.StatusCode.ShouldBe(HttpStatusCode.OK);
        seen.Count.ShouldBeGreaterThan(5);
        seen.ShouldAllBe(s => s.Visible == 0);
        seen[^1].Staged.ShouldBe(55);
        await using var db = app.NewDbContext();
        (await db.Projects.CountAsync()).ShouldBe(55);
        (await db.Projects.IgnoreQueryFilters().CountAsync(p => p.StagingBatchId != null)).ShouldBe(0);
        (await db.Units.IgnoreQueryFilters().CountAsync(u => u.StagingBatchId != null)).ShouldBe(0);
        (await db.Indicators.CountAsync()).ShouldBe(await db.Indicators.IgnoreQueryFilters().CountAsync());
        var list = JsonSerializer.Deserialize<JsonElement>(await admin.GetStringAsync("/api/v1/projects?pageSize=1"));
        list.GetProperty("total").GetInt32().ShouldBe(55);
        var batch = await db.ImportBatches.SingleAsync(b => b.Id == id);
        batch.Status.ShouldBe(ImportStatus.Confirmed);
        batch.StagingSince.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task An_import_that_fails_half_way_changes_nothing_and_can_be_confirmed_again(string provider)
    {
        using var app = new TestApp(provider, seed: false, settings: SmallChunks);
        var writing = app.Services.GetRequiredService<ImportWriteOptions>();
        var admin = await app.LoginAsync("admin");
        var id = await UploadSeedAsync(admin);
        writing.AfterChunk = saves => saves == 3 ? throw new InvalidOperationException("写到一半出错") : Task.CompletedTask;

        var failed = await admin.PostAsync($"/api/v1/imports/{id}/confirm", null);

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        await using (var db = app.NewDbContext())
        {
            (await db.Projects.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
            (await db.Units.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
            (await db.Indicators.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
            var batch = await db.ImportBatches.SingleAsync(b => b.Id == id);
            batch.Status.ShouldBe(ImportStatus.Pending);
            batch.StagingSince.ShouldBeNull();
        }

        writing.AfterChunk = null;
        (await admin.PostAsync($"/api/v1/imports/{id}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var after = app.NewDbContext();
        (await after.Projects.CountAsync()).ShouldBe(55);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task What_a_crashed_confirmation_left_is_never_seen_and_is_cleared_by_the_next(string provider)
    {
        using var app = new TestApp(provider, seed: false, settings: SmallChunks);
        var admin = await app.LoginAsync("admin");
        var id = await UploadSeedAsync(admin);
        await using (var db = app.NewDbContext())
        {
            // A confirmation that died after writing some rows: the claim is an hour old, the rows are hidden.
            var batch = await db.ImportBatches.SingleAsync(b => b.Id == id);
            var reading = ImportBatches.Reading(batch);
            await UnitWriter.StageAsync(db, reading.Targets.Units.Take(1).Select(u => u with { Projects = u.Projects.Take(7).ToList() }),
                batch.FileName, id, chunkRows: 50);
            batch.StagingSince = DateTimeOffset.UtcNow.AddHours(-1);
            await db.SaveChangesAsync();
            (await db.Projects.CountAsync()).ShouldBe(0);
        }

        var page = JsonSerializer.Deserialize<JsonElement>(await admin.GetStringAsync("/api/v1/projects?pageSize=1"));
        page.GetProperty("total").GetInt32().ShouldBe(0);
        (await admin.PostAsync($"/api/v1/imports/{id}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var after = app.NewDbContext();
        (await after.Projects.CountAsync()).ShouldBe(55);
        (await after.Projects.IgnoreQueryFilters().CountAsync()).ShouldBe(55);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_batch_being_confirmed_cannot_be_confirmed_or_discarded_by_another_request(string provider)
    {
        using var app = new TestApp(provider, seed: false, settings: SmallChunks);
        var writing = app.Services.GetRequiredService<ImportWriteOptions>();
        var admin = await app.LoginAsync("admin");
        var id = await UploadSeedAsync(admin);
        HttpResponseMessage? second = null;
        writing.AfterChunk = async saves =>
        {
            if (saves == 1)
            {
                second = await admin.PostAsync($"/api/v1/imports/{id}/confirm", null);
            }
        };

        (await admin.PostAsync($"/api/v1/imports/{id}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        second!.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await using var db = app.NewDbContext();
        (await db.Projects.IgnoreQueryFilters().CountAsync()).ShouldBe(55);
    }
}
