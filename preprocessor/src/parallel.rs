//! Work split across the cores for the stages whose items are independent (chapters, blocks,
//! variants): results come back in input order, so the output never depends on the machine.

/// Apply `work` to contiguous chunks of `items` on all cores and concatenate the results in order.
/// Small inputs (fewer than `min_items`) stay on the calling thread. A worker's panic resumes on
/// the caller's thread (the work is not run twice).
pub fn map_chunks<T: Sync, R: Send>(items: &[T], min_items: usize, work: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 || items.len() < min_items {
        return work(items);
    }
    let chunk = items.len().div_ceil(threads);
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items.chunks(chunk).map(|part| scope.spawn(move || work(part))).collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
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
