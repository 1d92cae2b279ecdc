/**
 * What each view shows, in one line, and how the model made it ("Under the hood"). Plain words
 * first; the maths is what the models in src/engine/models compute.
 */
export interface Explanation {
  line: string;
  hood: readonly string[];
}

export const EXPLANATIONS = {
  draw: {
    line: 'Draw here: the model squeezes your drawing into a short code and draws it back from that code alone.',
    hood: [
      'Your strokes are first normalised as Quick, Draw! did (bounding box scaled to 0–255, simplified), then rasterised by the same code that made the training pictures, so the model sees the kind of image it learned from: “what it sees”.',
      'The encoder turns that picture into a code z (a VAE gives a mean μ and a spread σ per number; the bars show μ). The decoder turns z back into pixels. What comes back is all the code kept.',
      'Training lowered two terms. Reconstruction: binary cross-entropy summed over the pixels, small when the picture drawn back matches the input. KL: how far each code’s N(μ, σ²) is from the prior N(0, 1). A plain autoencoder has only the first.',
      'Why a VAE blurs and an autoencoder does not: the KL term keeps each code a little vague, so one code stands for many slightly different drawings (eyes a bit left, whiskers a bit higher). Drawn back, that code gives the average of all of them, and an average of lines in different places is a grey smudge. A plain autoencoder’s code stands for one drawing only, so its lines come back where you drew them; the price is that a random code means nothing to it, which is why the cat VAE, not the cat autoencoder, is the one to sample and explore.',
    ],
  },
  latent: {
    line: 'Each slider moves the code along one axis; the decoder draws what the new code stands for.',
    hood: [
      'For a 2-d code the sliders are the code itself. For a longer code they move it along its principal directions: the few directions in which the codes of the data vary most (PCA), so a handful of sliders reach most of what matters.',
      'The map shows the codes of the model’s data. They cluster by class because the decoder must draw a 1 differently from a 0: drawings it has to tell apart get codes far apart, alike drawings get codes close together. Nobody told the model the classes; the colours are only for you.',
      'The KL term pulls every code towards N(0, 1), so a VAE’s map is one round cloud around 0 without wide empty gaps: that is why any point in it decodes to something drawing-like.',
    ],
  },
  concepts: {
    line: 'A concept is a direction in code space: the mean code of set A minus the mean code of set B.',
    hood: [
      '“A − B”: average the codes of every drawing in A, do the same for B, subtract. What the two sets share cancels out; what tells them apart is left.',
      'Applying a concept adds strength × (A − B) to your drawing’s code and decodes the result. It works as well as the code space is smooth, which the KL term encourages; in a plain autoencoder the moved code may land where nothing was learned.',
      'The arithmetic A − B + C does the same with single codes: the famous “king − man + woman” of word vectors, with drawings.',
    ],
  },
  grid: {
    line: 'The decoder’s drawing for each code on an even grid over the code space: the whole map, drawn.',
    hood: [
      'A quantile grid: its rows and columns are quantiles of the prior N(0, 1) (say 5 % to 95 %), not evenly spaced numbers. Each step holds the same share of the prior, so the cells sit where codes actually are and the edges do not waste space on codes that never occur.',
      'For a longer code the grid sweeps two directions (the two principal directions, or two dimensions you pick) and holds every other number at 0, at the data’s mean, or at your drawing’s code.',
    ],
  },
  scatter: {
    line: 'Every drawing of the data encoded and flattened to two axes, coloured by its label.',
    hood: [
      'A code of more than two numbers cannot be drawn, so it is projected. PCA keeps the two directions of greatest spread, like a shadow cast straight on: distances along them are true, the other directions are dropped.',
      'UMAP links each code to its nearest neighbours and lays that graph out in 2-d: who is near whom is kept, but the gaps between far clusters and the clusters’ sizes mean little.',
      'A 2-d code needs neither: it is shown as it is.',
    ],
  },
  path: {
    line: 'The codes between two drawings, decoded in steps: how one turns into the other inside the model.',
    hood: [
      'Linear steps are z = (1 − t)·a + t·b for t from 0 to 1.',
      'Spherical steps (slerp) follow the arc between a and b instead. In many dimensions the prior’s codes lie near a shell of radius about √d; the straight line’s middle cuts inside it, where codes are rare and drawings fade, while the arc stays at the ends’ length.',
    ],
  },
  samples: {
    line: 'Codes drawn at random from the prior N(0, 1), decoded: what the model makes up on its own.',
    hood: [
      'A VAE is trained so that its codes look like N(0, 1); a random code from the prior then lands where the decoder has learned to draw. A plain autoencoder makes no such promise, so its samples are often smudges.',
    ],
  },
  classes: {
    line: 'A conditional model draws the class you ask for: one code, every class.',
    hood: [
      'The label goes into the encoder and the decoder, so the code no longer has to say which class a drawing is: it keeps the style (slant, thickness, size). The same code with another label draws another class in that style.',
      'Blending gives the decoder a mix of two labels (weights instead of a one-hot vector): something between the classes.',
    ],
  },
  similar: {
    line: 'The drawings of the data whose codes lie nearest to your drawing’s code.',
    hood: [
      'Distance here is Euclidean distance between codes (μ for a VAE). Near in code space means alike to the model, which is not always alike to you: that difference shows what the code kept.',
    ],
  },
  train: {
    line: 'Train a model and watch it learn: its two losses, the map of its codes and its reconstructions, every epoch.',
    hood: [
      'The loss is reconstruction + β·KL. Reconstruction (binary cross-entropy summed over the pixels) falls as the decoder draws back more faithfully. KL measures how far the codes are from the prior N(0, 1); it is 0 only when the encoder ignores the drawing and every code is the prior’s noise.',
      'β trades the two. A large β pulls the codes towards the prior: a smooth map and good samples, blurrier reconstructions. A small β lets the codes spread out: sharper reconstructions, gaps in the map. With β = 0 nothing holds the codes near the prior: a plain autoencoder with a little noise.',
      'Watch the map: at first the codes are one blob. The reconstruction term pushes drawings apart so the decoder can tell them apart; the KL term keeps the whole cloud near 0. The classes separate because that is what the decoder needs, not because it was told the labels.',
      'Validation points are the same losses on drawings held out from training. When validation rises while training falls, the model is memorising its data.',
    ],
  },
  data: {
    line: 'Bring drawings to train on: Quick, Draw! files and bitmaps, MNIST and Fashion-MNIST.',
    hood: [
      'Stroke drawings go through the same rasteriser as the canvas, into 28×28 or 32×32 pictures; bitmaps are used as they are. Files are read as streams, so a file larger than memory imports too.',
      'A label file beside the images (MNIST’s labels, a category per Quick, Draw! file) gives each drawing a class: the colours of the maps and what a conditional model is told.',
    ],
  },
} as const satisfies Record<string, Explanation>;

export type ExplanationId = keyof typeof EXPLANATIONS;
