// The threads that prepare what the cache writes (JSON text, search index rows) while one thread writes it.
#pragma once

class QThreadPool;

namespace casedesk::storage {

// One thread fewer than the machine has cores: the thread writing SQLite is what a bulk load waits for, and
// with as many workers as cores it got two thirds of a core (a 20,000-case load took 11.8 s instead of 9.2 s
// on two cores). At least one worker, so the work never runs on the writing thread's caller alone.
QThreadPool &storageWorkers();

} // namespace casedesk::storage
