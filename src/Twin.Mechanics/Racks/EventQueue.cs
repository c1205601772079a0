namespace Twin.Mechanics.Racks;

/// <summary>
/// Time-ordered event queue with a deterministic tie-break: events at the same time come out in
/// the order they were scheduled.
/// </summary>
internal sealed class EventQueue<T>
{
    private readonly PriorityQueue<T, (double TimeS, long Seq)> queue = new();
    private long seq;

    public int Count => queue.Count;

    public void Schedule(double timeS, T item) => queue.Enqueue(item, (timeS, seq++));

    public bool TryNext(out T item, out double timeS)
    {
        if (queue.TryDequeue(out T? next, out var key))
        {
            item = next;
            timeS = key.TimeS;
            return true;
        }

        item = default!;
        timeS = 0;
        return false;
    }
}
