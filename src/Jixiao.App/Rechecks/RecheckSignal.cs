namespace Jixiao.App.Rechecks;

/// <summary>
/// Wakes this instance's recheck workers when a batch is uploaded here, so they need not wait for their next look at
/// the queue; workers of other instances find the jobs when they look (every poll interval). One per process.
/// </summary>
public sealed class RecheckSignal
{
    private TaskCompletionSource pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() =>
        Interlocked.Exchange(ref pulse, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Returns when <see cref="Notify"/> is called or <paramref name="timeout"/> has passed.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        try
        {
            await Volatile.Read(ref pulse).Task.WaitAsync(timeout, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            // nothing was uploaded here meanwhile: look at the queue anyway
        }
    }
}
