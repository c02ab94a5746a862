/**
 * Fourth batch of hand-judged queries over the corpus in data/ (488 papers): written whole from the
 * corpus's titles and abstracts before any system was run on it, and held out to check changes that
 * were chosen on batches 1–3. Kept as written, whichever system finds its papers.
 *
 * Papers are named by the start of their title (each start names exactly one paper):
 * - known-item (`recalled`): one paper named as a colleague recalls it, mostly in other words than
 *   its title, for papers not yet the target of a known-item or descriptive query;
 * - descriptive: what a paper does, in other words than its abstract;
 * - topic: every paper of the corpus on a topic, graded 2 (about it) or 1 (partly about it); the
 *   first four name the topic by the field's own term, the last four in other words.
 */

import type { Judged } from './judgments.js';

const recalled = (query: string, target: string, also: string[] = []): Judged => ({
  kind: 'known-item',
  query,
  highly: [target],
  ...(also.length ? { relevant: also } : {}),
  note: 'recalled',
  batch: 4,
});
const described = (query: string, highly: string[], relevant: string[] = []): Judged => ({
  kind: 'descriptive',
  query,
  highly,
  ...(relevant.length ? { relevant } : {}),
  batch: 4,
});
const topic = (query: string, highly: string[], relevant: string[] = []): Judged => ({
  kind: 'topic',
  query,
  highly,
  ...(relevant.length ? { relevant } : {}),
  batch: 4,
});

const KNOWN_ITEMS_4: Judged[] = [
  recalled('autoencoder that matches its latent prior with random one dimensional projections instead of a discriminator', 'Sliced-Wasserstein Autoencoder'),
  recalled('self-supervised twin objective on nearest neighbour pairs to replace pca', 'TLDR: Twin Learning'),
  recalled('without positional encodings, causal attention is what tells a transformer the token order', 'Breaking Symmetry When Training Transformers'),
  recalled('one class anomaly detector that sandwiches normal data between two orthonormal subspaces', 'GODS:'),
  recalled('passing every weight through a nonlinear function that keeps it small but nonzero', 'Weight Compander'),
  recalled('learning a proper multiclass loss jointly with the classifier via gradients of convex functions', 'LegendreTron'),
  recalled('slot based model that splits a mixed speech spectrogram into separate speakers', 'AudioSlots'),
  recalled('generating datasets with a dial for how strong the distribution shift is', 'Control+Shift'),
  recalled('learning a directed acyclic graph without ever checking acyclicity, from a node priority vector', 'Constraint-Free Structure Learning'),
  recalled('diffusion models whose architecture follows the graphical model of the problem, solving sudoku', 'Graphically Structured Diffusion Models'),
  recalled('ring structure used to build exact global optima for modular addition networks', 'Composing Global Optimizers'),
  recalled('second order method that learns input gains to speed up mlp training', 'Optimal Input Gain'),
  recalled('non smooth networks break the convergence theory and l1 pruning intuitions of gradient descent', "GD doesn't make the cut"),
  recalled('unsupervised facial landmarks made consistent across identities by swapping descriptors between images', 'Unsupervised Learning of Landmarks by Descriptor Vector Exchange'),
  recalled('finding many different images that all excite one unit to reveal what it ignores', 'Diverse feature visualizations'),
  recalled('a learned controller adapts the network at test time from a feedback signal', 'Rapid Network Adaptation'),
];

const DESCRIPTIVE_4: Judged[] = [
  described('neural network guaranteed to output the gradient of some convex function', ['Input Convex Gradient Networks']),
  described(
    'remove shortcut reliance by translating each image into another bias and contrasting the two',
    ['Fighting Fire with Fire'],
    ['Reducing Spurious Correlations for Aspect-Based Sentiment', 'The Pitfalls of Memorization'],
  ),
  described('segmentation of vessels and lesions that reproduces how much expert annotators disagree', ['PULASki']),
  described('depth aware image corruptions like defocus and fog to stress test vision models', ['3D Common Corruptions'], ['Control+Shift']),
  described('embed architectures by their jacobians so off-the-shelf black box optimizers can search them', ['Contrastive Embeddings for Neural Architectures']),
  described('segmentation loss that matches holes and connected pieces between prediction and label', ['Topologically faithful image segmentation']),
  described('scoring generators of discrete data from samples alone so that the true distribution wins', ['Proper losses for discrete generative models']),
  described('recurrent model with noisy latent states that infers by backpropagating prediction errors at test time', ['A Novel Predictive-Coding-Inspired Variational RNN']),
  described(
    'review sentiment per aspect without relying on words that merely co-occur with the label',
    ['Reducing Spurious Correlations for Aspect-Based Sentiment'],
    ['Fighting Fire with Fire'],
  ),
  described('drug screening image features that transfer to unseen cell lines using protein interaction graphs', ['Integrating Biological Knowledge for Robust Microscopy']),
  described(
    'classify categories never seen in training by generating their image features from class descriptions',
    ['Leveraging Seen and Unseen Semantic Relationships', 'Generative Dual Adversarial Network for Generalized Zero-shot'],
    ['Energy Confused Adversarial Metric Learning'],
  ),
  described(
    'spotting inputs unlike the training set by learning nonlinear quantities that stay constant on it',
    ['Learning Non-Linear Invariants for Unsupervised Out-of-Distribution'],
    ['GODS:', 'StRegA'],
  ),
];

const TOPICS_4: Judged[] = [
  // The field's own term.
  topic(
    'optimal transport in machine learning',
    [
      'Accelerating Sinkhorn Algorithm',
      'Input Convex Gradient Networks',
      'Variational Wasserstein gradient flow',
      'Sliced-Wasserstein Autoencoder',
      'Multisample Flow Matching',
    ],
    [
      'Feature-aligned N-BEATS with Sinkhorn divergence',
      'Critical Points and Convergence Analysis of Generative Deep Linear Networks',
      'Flow Matching for Generative Modeling',
      'Stochastic interpolants with data-dependent couplings',
      'Multimarginal generative modeling with stochastic interpolants',
      'Unsupervised Deep Probabilistic Approach for Partial Point Cloud Registration',
      'Information-Theoretic Generalization Bounds for Deep Neural Networks',
    ],
  ),
  topic(
    'topological data analysis',
    ['Topological Autoencoders', 'Differentiability and Optimization of Multiparameter Persistent Homology', 'Topologically faithful image segmentation'],
    ['Functorial Manifold Learning'],
  ),
  topic(
    'graph neural networks',
    [
      'Learnable Commutative Monoids for Graph Neural Networks',
      'GRAFENNE',
      'Graph Metanetworks',
      'Graph Neural Networks for Learning Equivariant Representations of Neural Networks',
      'Disentangled Contrastive Collaborative Filtering',
      'Disentangled Graph Variational Auto-Encoder',
      'Variationally Regularized Graph-based Representation Learning',
      'Fast, Expressive SE(n) Equivariant Networks',
    ],
    [
      'Revisiting Transformation Invariant Geometric Deep Learning',
      'Frame Averaging for Invariant and Equivariant Network Design',
      'On the hardness of learning under symmetries',
      'A Characterization Theorem for Equivariant Networks',
      'Learning Preconditioner for Conjugate Gradient PDE Solvers',
      'Subhomogeneous Deep Equilibrium Models',
      'Effect of Choosing Loss Function when Using T-batching',
    ],
  ),
  topic(
    'deep learning on point clouds',
    [
      'PaRot',
      'Unsupervised Deep Probabilistic Approach for Partial Point Cloud Registration',
      'Robust Outlier Rejection for 3D Registration',
      'Equivariant Spatio-Temporal Self-Supervision for LiDAR',
      'Fast, Expressive SE(n) Equivariant Networks',
      'Revisiting Transformation Invariant Geometric Deep Learning',
    ],
    ['Frame Averaging for Invariant and Equivariant Network Design', 'Deep Sets', 'SF(DA)$^2$', 'Rethinking Loss Design for Large-scale 3D Shape Retrieval', 'DiffuMatch'],
  ),
  // In other words than the papers use.
  topic(
    'learning from data where some labels are much rarer than others',
    [
      'Escaping Saddle Points for Effective Generalization on Class-Imbalanced Data',
      'Improve Representation for Imbalanced Regression',
      'Symmetric Neural-Collapse Representations with Supervised Contrastive Loss',
      'Stein Latent Optimization for Generative Adversarial Networks',
    ],
    [
      'Neural Collapse in Deep Linear Networks',
      'Causal Disentanglement for Robust Long-tail Medical Image Generation',
      'Pooling Image Datasets With Multiple Covariate Shift',
      'PULASki',
      'Improving Diffusion-based Data Augmentation with Inversion Spherical Interpolation',
    ],
  ),
  topic(
    'recovering a clean sharp photo from a blurry or noisy one',
    [
      'INFWIDE',
      'Score Priors Guided Deep Variational Inference for Unsupervised Real-World Single Image Denoising',
      'Enhancing a Convolutional Autoencoder with a Quantum',
      'Learning Distortion Invariant Representation for Image Restoration',
      'OSDFace',
      'Benchmarking Ultra-High-Definition Image Reflection Removal',
      'HyperCUT',
    ],
    [
      'A Variational Perspective on Solving Inverse Problems with Diffusion',
      'Improving Diffusion Models for Inverse Problems using Manifold Constraints',
      "What's in a Prior?",
      'Manifold Learning by Mixture Models of VAEs for Inverse Problems',
      'Personalized Face Inpainting',
      'QuantNAS for super resolution',
      'Perceptual Losses for Real-Time Style Transfer and Super-Resolution',
      'Inverting Adversarially Robust Networks for Image Synthesis',
      'Stochastic interpolants with data-dependent couplings',
      'Adverse Weather Image Translation',
    ],
  ),
  topic(
    'learning how a physical system evolves over time from observed trajectories',
    [
      'ConCerNet',
      'Generalized Teacher Forcing for Learning Chaotic Dynamics',
      'Learning invariant representations of time-homogeneous stochastic dynamical systems',
      'Variational Inference for SDEs Driven by Fractional Noise',
    ],
    [
      'Opening the Blackbox: Accelerating Neural Differential Equations',
      'Generative Modeling of Regular and Irregular Time Series Data via Koopman VAEs',
      'Fast, Expressive SE(n) Equivariant Networks',
      'Frame Averaging for Invariant and Equivariant Network Design',
      'Scalable Transformer for PDE Surrogate Modeling',
      'Self-Supervised Learning with Lie Symmetries for Partial Differential Equations',
    ],
  ),
  topic(
    'machine learning on hospital scans and patient records',
    [
      'PULASki',
      'StRegA',
      'Variationally Regularized Graph-based Representation Learning for Electronic Health Records',
      'Multi-view X-ray Image Synthesis',
      'Causal Disentanglement for Robust Long-tail Medical Image Generation',
      'LVM-Med',
      'Representation learning for improved interpretability and classification accuracy of clinical factors from EEG',
      'Policy Gradient-Driven Noise Mask',
      'Source-Free Domain Adaptation for Image Segmentation',
      'Pooling Image Datasets With Multiple Covariate Shift',
    ],
    [
      'Using Multiple Instance Learning to Build Multimodal Representations',
      'Integrating Biological Knowledge for Robust Microscopy',
      'Integrating Prior Knowledge in Contrastive Learning with Kernel',
      'Improving performance of deep learning models with axiomatic attribution priors',
    ],
  ),
];

export const BATCH_4: Judged[] = [...KNOWN_ITEMS_4, ...DESCRIPTIVE_4, ...TOPICS_4];
