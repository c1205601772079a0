using System.Diagnostics;
using Twin.Mechanics.Network;
using Twin.Mechanics.Timing;

namespace Twin.Mechanics.Racks;

/// <summary>
/// Discrete-event simulation of the scanner working through racks on its carousel with
/// continuous loading: racks arrive when the operator loads them, wait for a free carousel
/// position, and are worked first come first served, slide by slide in slot order, by one
/// gripper and one stage. Failed slides cost the phases up to their failure and are reported.
/// With a network model, each scanned slide's file streams to the converter and storage while
/// the next slides scan (<see cref="TransferPipeline"/>), and the scanner waits before a slide
/// when its local buffer cannot hold the slide's file.
/// </summary>
// LIMITATION: no priority racks or operator pauses; a slide holds the scanner pick to put-back.
public sealed class RackRunSimulator
{
    private readonly CarouselParameters carousel;
    private readonly NetworkModel? network;

    /// <summary>
    /// Creates a simulator; the carousel and network parameters are validated here, once.
    /// </summary>
    /// <param name="carousel">Rack positions, slots per rack and carousel index time (s).</param>
    /// <param name="network">
    /// Links and local buffer the files leave over, or null for a scanner that never waits for
    /// its network (files are then not simulated).
    /// </param>
    public RackRunSimulator(CarouselParameters carousel, NetworkParameters? network = null)
    {
        ArgumentNullException.ThrowIfNull(carousel);
        carousel.Validate();
        this.carousel = carousel;
        this.network = network is null ? null : new NetworkModel(network);
    }

    /// <summary>
    /// Time a slide occupies the scanner, s: its whole budget when it scans, or the phases up
    /// to the failure.
    /// </summary>
    /// <param name="slide">The slide, with its budget (s) and failure.</param>
    public static double OccupancyS(RackSlide slide)
    {
        ArgumentNullException.ThrowIfNull(slide);
        SlideTimeBudget b = slide.Budget;
        return slide.Failure switch
        {
            SlideFailure.None => b.TotalS,
            SlideFailure.BarcodeUnreadable => b.LoadUnloadS + b.LabelMacroS,
            SlideFailure.NoTissueFound => b.LoadUnloadS + b.LabelMacroS + b.TissueFindingS,
            _ => throw new ArgumentOutOfRangeException(
                nameof(slide), slide.Failure, "Unknown slide failure."),
        };
    }

    /// <summary>
    /// Runs the racks to completion and reports every slide; all times in s from the run start.
    /// </summary>
    /// <param name="loads">Racks with the time (s) the operator loads each.</param>
    public RackRunResult Run(IReadOnlyList<RackLoad> loads)
    {
        ArgumentNullException.ThrowIfNull(loads);
        Validate(loads);
        TransferPipeline? pipeline = network is null ? null : new TransferPipeline(network);
        return new Simulation(carousel, loads, pipeline).Execute();
    }

    private void Validate(IReadOnlyList<RackLoad> loads)
    {
        var rackIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (RackLoad load in loads)
        {
            ArgumentNullException.ThrowIfNull(load);
            if (!rackIds.Add(load.RackId))
            {
                throw new ArgumentException(
                    $"Rack '{load.RackId}' is loaded twice.", nameof(loads));
            }

            Guard.NonNegative(load.LoadedAtS, nameof(load.LoadedAtS), "s");
            if (load.Slides.Count > carousel.SlotsPerRack)
            {
                throw new ArgumentException(
                    $"Rack '{load.RackId}' holds {load.Slides.Count} slides; a rack has "
                    + $"{carousel.SlotsPerRack} slots.",
                    nameof(loads));
            }

            var slots = new HashSet<int>();
            foreach (RackSlide slide in load.Slides)
            {
                Guard.InRange(slide.Slot, 1, carousel.SlotsPerRack, nameof(slide.Slot), "slot");
                Guard.NonNegative(slide.FileBytes, nameof(slide.FileBytes), "B");
                if (!slots.Add(slide.Slot))
                {
                    throw new ArgumentException(
                        $"Rack '{load.RackId}' has two slides in slot {slide.Slot}.",
                        nameof(loads));
                }
            }
        }
    }

    // One simulation: mutable state kept out of the simulator so Run can be called repeatedly.
    private sealed class Simulation(
        CarouselParameters carousel, IReadOnlyList<RackLoad> loads, TransferPipeline? pipeline)
    {
        private readonly EventQueue<(bool IsArrival, int Rack)> events = new();
        private readonly Queue<int> waitingForPosition = new();
        private readonly Queue<int> ready = new();
        private readonly RackSlide[][] slides = loads
            .Select(l => l.Slides.OrderBy(s => s.Slot).ToArray())
            .ToArray();

        private readonly int[] nextSlide = new int[loads.Count];
        private readonly double[] insertedAt = new double[loads.Count];
        private readonly List<SlideRunRecord> records = [];
        private int occupied;
        private int current = -1;
        private int presented = -1;
        private bool busy;
        private double busyS;
        private int indexMoves;
        private double firstInsert = double.PositiveInfinity;
        private double end;
        private double filesDone;

        public RackRunResult Execute()
        {
            // schedule arrivals in time order; ties keep the caller's order
            for (int r = 0; r < loads.Count; r++)
            {
                events.Schedule(loads[r].LoadedAtS, (true, r));
            }

            while (events.TryNext(out var ev, out double now))
            {
                if (ev.IsArrival)
                {
                    Arrive(ev.Rack, now);
                }
                else
                {
                    SlideDone(ev.Rack, now);
                }

                TryStart(now);
            }

            Debug.Assert(!busy && ready.Count == 0 && waitingForPosition.Count == 0);
            bool any = firstInsert < double.PositiveInfinity;
            return new RackRunResult
            {
                Slides = records,
                FirstInsertS = any ? firstInsert : 0,
                EndS = any ? Math.Max(end, firstInsert) : 0,
                BusyS = busyS,
                RackIndexMoves = indexMoves,
                FilesDoneS = filesDone,
                ImageLinkBusyS = pipeline?.ImageLinkBusyS ?? 0,
                StorageLinkBusyS = pipeline?.StorageLinkBusyS ?? 0,
            };
        }

        private void Arrive(int rack, double now)
        {
            if (occupied < carousel.RackPositions)
            {
                Insert(rack, now);
            }
            else
            {
                waitingForPosition.Enqueue(rack);
            }
        }

        private void Insert(int rack, double now)
        {
            insertedAt[rack] = now;
            firstInsert = Math.Min(firstInsert, now);
            if (slides[rack].Length == 0)
            {
                // an empty rack is taken straight back out; it never holds a position
                return;
            }

            occupied++;
            ready.Enqueue(rack);
        }

        private void SlideDone(int rack, double now)
        {
            busy = false;
            end = Math.Max(end, now);
            if (nextSlide[rack] < slides[rack].Length)
            {
                return;
            }

            // the operator takes a finished rack out at once, freeing its position
            occupied--;
            while (occupied < carousel.RackPositions && waitingForPosition.Count > 0)
            {
                Insert(waitingForPosition.Dequeue(), now);
            }
        }

        private void TryStart(double now)
        {
            if (busy)
            {
                return;
            }

            if (current < 0 || nextSlide[current] >= slides[current].Length)
            {
                current = ready.Count > 0 ? ready.Dequeue() : -1;
                if (current < 0)
                {
                    return;
                }
            }

            double indexS = 0;
            if (presented != current)
            {
                indexS = carousel.RackIndexS;
                presented = current;
                indexMoves++;
            }

            RackSlide slide = slides[current][nextSlide[current]++];
            double start = now + indexS;
            double occupancy = OccupancyS(slide);
            FileTransfer? transfer = null;
            if (pipeline is not null && slide.Failure == SlideFailure.None)
            {
                // the carousel turns while the scanner waits; the gripper moves once there is
                // room for the file
                SlideTimeBudget b = slide.Budget;
                transfer = pipeline.Schedule(
                    slide.FileBytes,
                    start,
                    (b.LoadUnloadS / 2) + b.LabelMacroS + b.TissueFindingS + b.FocusS,
                    b.StripesS + b.RescanS + b.ZStackS,
                    b.FinalizeS);
                start = transfer.SlideStartS;
                filesDone = Math.Max(filesDone, transfer.StoredS);
            }

            // stripes held back by a full buffer keep the slide on the stage without work
            double done = start + occupancy + (transfer?.ThrottleS ?? 0);
            busyS += indexS + occupancy;
            busy = true;
            records.Add(new SlideRunRecord
            {
                RackId = loads[current].RackId,
                Slot = slide.Slot,
                SlideId = slide.SlideId,
                RackLoadedAtS = loads[current].LoadedAtS,
                RackInsertedAtS = insertedAt[current],
                StartS = start,
                EndS = done,
                Status = slide.Failure == SlideFailure.None
                    ? SlideStatus.Scanned
                    : SlideStatus.Failed,
                Failure = slide.Failure,
                Transfer = transfer,
            });
            events.Schedule(done, (false, current));
        }
    }
}
