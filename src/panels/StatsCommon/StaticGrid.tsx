import { useMemo } from 'react';
import type { ImageGridPayload } from '../../protocol';
import { ImageGrid, type GridSource } from '../../ui/ImageGrid';

interface Props {
  grid: ImageGridPayload | null;
  testId: string;
  label: string;
  placeholder: string;
}

/** An ImageGrid showing one fixed payload (an analysis result) rather than a stream. */
export function StaticGrid({ grid, ...rest }: Props) {
  const source = useMemo<GridSource>(
    () => (draw) => {
      draw(grid);
      return () => {};
    },
    [grid],
  );
  return <ImageGrid source={source} {...rest} />;
}
