//! Work split across the cores for the stages whose items are independent (chapters, blocks,
//! variants): results come back in input order, so the output never depends on the machine.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Pieces per core: items differ in cost (a chapter with twenty blocks, one with none), so a core
/// that is done early takes the next piece instead of waiting for the slowest core.
const PIECES_PER_CORE: usize = 4;

/// Apply `work` to contiguous pieces of `items` on all cores and concatenate the results in order.
/// Small inputs (fewer than `min_items`) stay on the calling thread. A worker's panic resumes on
/// the caller's thread (the work is not run twice).
pub fn map_chunks<T: Sync, R: Send>(items: &[T], min_items: usize, work: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 || items.len() < min_items {
        return work(items);
    }
    let pieces: Vec<&[T]> = items.chunks(items.len().div_ceil(threads * PIECES_PER_CORE)).collect();
    let next = AtomicUsize::new(0);
    let take_pieces = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(piece) = pieces.get(i) else { return done };
            done.push((i, work(piece)));
        }
    };
    let take_pieces = &take_pieces;
    let mut done: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(take_pieces)).collect();
        let mut done = take_pieces();
        for handle in handles {
            done.extend(handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        }
        done
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().flat_map(|(_, results)| results).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_input_order() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled = super::map_chunks(&items, 1, |part| part.iter().map(|x| x * 2).collect());
        assert_eq!(doubled, items.iter().map(|x| x * 2).collect::<Vec<_>>());
    }
}
