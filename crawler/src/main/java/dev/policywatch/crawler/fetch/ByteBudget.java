package dev.policywatch.crawler.fetch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The crawler's memory budget: how many decoded document bytes may be held at once across every fetch
 * in flight ({@code policywatch.crawler.memory-budget}). A crawl opens a {@link Lease}, the fetcher takes
 * from it chunk by chunk while it reads (so a body is refused while it streams in, not after), and the
 * crawl closes the lease when the document's text is extracted and published, which returns every byte.
 * A fetch that cannot get bytes waits, up to a deadline, for other crawls to return theirs; a document
 * larger than the whole budget is refused at once.
 *
 * <p>Two fetches that each hold part of the budget and each wait for more would wait for each other.
 * So the oldest lease (the crawl that started first) has precedence: while it waits, no younger lease
 * is given bytes, and a younger one that already holds some gives up at once ({@code take} answers
 * false) so its bytes come back; its fetch is retried later. The oldest waiter therefore only waits
 * for crawls older than itself, which finish. Thread-safe.
 */
public final class ByteBudget {

    private final long capacity;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition freed = lock.newCondition();
    private final java.util.TreeSet<Long> waiting = new java.util.TreeSet<>();
    private long used;
    private long peak;
    private long nextTicket;

    public ByteBudget(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** The budget in bytes. */
    public long capacity() {
        return capacity;
    }

    /** Bytes held now by all leases. */
    public long inUse() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }

    /** The most bytes ever held at once. */
    public long peak() {
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }

    /** A new, empty lease, younger than every lease made before it. */
    public Lease lease() {
        lock.lock();
        try {
            return new Lease(nextTicket++);
        } finally {
            lock.unlock();
        }
    }

    /** Bytes held for one crawl; close it to return them all. Used by one thread at a time. */
    public final class Lease implements AutoCloseable {
        private final long ticket;
        private long held;

        private Lease(long ticket) {
            this.ticket = ticket;
        }

        /** Bytes this lease holds. */
        public long held() {
            return held;
        }

        /** Whether {@code more} bytes could ever be held by this lease (the budget is not smaller than that). */
        public boolean couldHold(long more) {
            return held + more <= capacity;
        }

        /**
         * Takes {@code n} more bytes, waiting at most {@code wait} for other leases to return theirs.
         *
         * @return false when they did not come free in time, when an older lease is waiting and this one
         *         holds bytes (it must give them back), or when they never could ({@link #couldHold})
         */
        public boolean take(long n, Duration wait) throws InterruptedException {
            if (n <= 0) {
                return true;
            }
            if (!couldHold(n)) {
                return false;
            }
            long deadline = System.nanoTime() + wait.toNanos();
            lock.lockInterruptibly();
            boolean registered = false;
            try {
                while (true) {
                    boolean olderWaiting = !waiting.isEmpty() && waiting.first() < ticket;
                    if (!olderWaiting && used + n <= capacity) {
                        used += n;
                        held += n;
                        peak = Math.max(peak, used);
                        return true;
                    }
                    if (olderWaiting && held > 0) {
                        return false; // yield: an older crawl needs what this one holds
                    }
                    if (!registered) {
                        waiting.add(ticket);
                        registered = true;
                        freed.signalAll(); // younger waiters that hold bytes must now yield
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    freed.await(left, TimeUnit.NANOSECONDS);
                }
            } finally {
                if (registered) {
                    waiting.remove(ticket);
                    freed.signalAll();
                }
                lock.unlock();
            }
        }

        /** Returns {@code n} of the bytes held (a body that was given up). */
        public void release(long n) {
            long r = Math.min(Math.max(n, 0), held);
            if (r == 0) {
                return;
            }
            lock.lock();
            try {
                used -= r;
                held -= r;
                freed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Returns every byte held. Idempotent. */
        @Override
        public void close() {
            if (held == 0) {
                return;
            }
            lock.lock();
            try {
                used -= held;
                held = 0;
                freed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
