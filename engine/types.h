// types.h: the one header that owns Eigen. Every engine file takes its matrix
// types from here, so the scalar type and storage order are decided once.
// Batch in columns: a batch X is (features, N), column n is one example.
#pragma once

#include <Eigen/Core>

#include <cstdint>

namespace nnplay {

using Scalar = float;  // training and drawing run in float32

template <typename T>
using MatrixT = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;  // column-major
template <typename T>
using VectorT = Eigen::Matrix<T, Eigen::Dynamic, 1>;

using Matrix = MatrixT<Scalar>;
using Vector = VectorT<Scalar>;
using MatrixD = MatrixT<double>;
using VectorD = VectorT<double>;

}  // namespace nnplay
