using System.Collections.Concurrent;
using System.Net;
using System.Text;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Aws.Tests.Support;

/// <summary>
/// Loopback HttpListener that answers from a script (the last entry repeats) and counts requests.
/// Bounded: it stops answering after <see cref="MaxRequests"/> requests.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private const int MaxRequests = 100;
    private readonly HttpListener _listener = new();
    private readonly ScriptedResponse[] _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _count;

    public ScriptedServer(params ScriptedResponse[] script)
    {
        _script = script;
        var port = FreePort.Next();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    public int RequestCount => Volatile.Read(ref _count);

    public ConcurrentQueue<string> RequestLines { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
            // Listener closed while waiting for a request.
        }
        catch (ObjectDisposedException)
        {
            // Listener closed while waiting for a request.
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            // Counted here, as the request arrives, not when a pool thread gets to answer it: a client that gives up
            // quickly (a timeout test) must still find its request counted on a loaded machine.
            var index = Interlocked.Increment(ref _count) - 1;
            RequestLines.Enqueue(context.Request.HttpMethod + " " + context.Request.RawUrl);
            _ = Task.Run(() => AnswerAsync(context, index));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, int index)
    {
        if (index >= MaxRequests)
        {
            context.Response.Abort();
            return;
        }

        var answer = _script[Math.Min(index, _script.Length - 1)];
        try
        {
            if (answer.Delay > TimeSpan.Zero)
            {
                await Task.Delay(answer.Delay, _stop.Token);
            }

            context.Response.StatusCode = answer.Status;
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes, _stop.Token);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            context.Response.Abort();
        }
    }
}
