/**
 * The fixed query set: what people type into a paper bot. Each kind is tagged so results can
 * be read per kind; the mix leans on short queries, as real logs do, with long descriptive ones.
 */
export interface BenchQuery {
  kind: 'word' | 'words' | 'typo' | 'prefix' | 'phrase' | 'filter' | 'descriptive';
  q: string;
}

export const QUERIES: BenchQuery[] = [
  ...['diffusion', 'transformer', 'contrastive', 'equivariance', 'gan', 'segmentation', 'reinforcement', 'vae'].map((q) => ({ kind: 'word' as const, q })),
  ...[
    'neural radiance fields',
    'self-supervised contrastive learning',
    'video generation with diffusion models',
    'masked image modeling',
    'text to image personalization',
    'face identity preserving generation',
    'equivariant networks point clouds',
  ].map((q) => ({ kind: 'words' as const, q })),
  ...['difusion', 'transfomer', 'contrastve', 'equivarance', 'segmentaton', 'reinforcment learning'].map((q) => ({ kind: 'typo' as const, q })),
  ...['equivar', 'generat', 'contrast', 'diffu', 'segm'].map((q) => ({ kind: 'prefix' as const, q })),
  ...['"score distillation"', '"neural radiance"', '"posterior collapse"', '"image generation" video'].map((q) => ({ kind: 'phrase' as const, q })),
  ...[
    'diffusion year:2024',
    'learning since:2024-06',
    'transformer sort:new',
    'sort:top year:2023',
    'diffusion -video',
    'contrastive -"image text"',
    'gan sort:top',
  ].map((q) => ({ kind: 'filter' as const, q })),
  ...[
    'loss that pushes the cross-correlation matrix of two views toward the identity',
    "generate images from text prompts while preserving the identity of a person's face",
    'learning representations that are invariant to rotations and translations of the input',
    'training a policy with human preference feedback instead of a reward function',
    'estimate depth from a single image using a pretrained diffusion model prior',
    'compress a large model by pruning attention heads and quantizing the weights',
  ].map((q) => ({ kind: 'descriptive' as const, q })),
];
