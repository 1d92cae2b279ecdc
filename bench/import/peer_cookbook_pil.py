"""Peer for bench/import/run.ts: the Deep Learning Cookbook (ch. 13) importer, as printed.

Reads a Quick, Draw! .bin with struct, draws each drawing on a 32x32 'L' image with PIL
(coordinates // 8, draw.line width 2) and converts it to a numpy array, one record at a time.
The book keeps every array in a list; here they are summed instead, so the peer's memory
does not grow with the file (that only helps the peer). Prints one JSON line.

usage: python3 peer_cookbook_pil.py FILE [LIMIT]
"""
import json
import resource
import sys
import time
from struct import unpack

import numpy as np
import PIL
from PIL import Image, ImageDraw


def main() -> None:
    path = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    count = 0
    total = np.zeros((32, 32), dtype=np.float32)
    started = time.perf_counter()
    cpu_started = time.process_time()
    with open(path, 'rb') as f:
        while limit is None or count < limit:
            img = Image.new('L', (32, 32), 'white')
            draw = ImageDraw.Draw(img)
            header = f.read(15)
            if len(header) != 15:
                break
            strokes, = unpack('H', f.read(2))
            for i in range(strokes):
                n_points, = unpack('H', f.read(2))
                fmt = str(n_points) + 'B'
                read_scaled = lambda: (p // 8 for p in unpack(fmt, f.read(n_points)))
                points = [*zip(read_scaled(), read_scaled())]
                draw.line(points, fill=0, width=2)
            # keras img_to_array: float32 (32, 32, 1)
            arr = np.asarray(img, dtype=np.float32)
            total += arr
            count += 1
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        'impl': 'python-pil-cookbook',
        'drawings': count,
        'seconds': seconds,
        'drawingsPerSecond': count / seconds if seconds > 0 else 0,
        'cpuSeconds': cpu_seconds,
        'drawingsPerCpuSecond': count / cpu_seconds if cpu_seconds > 0 else 0,
        'peakRssMB': max_rss_mb,
        'checksum': float(total.sum()),
        'versions': {'python': sys.version.split()[0], 'pillow': PIL.__version__, 'numpy': np.__version__},
    }))


if __name__ == '__main__':
    main()
